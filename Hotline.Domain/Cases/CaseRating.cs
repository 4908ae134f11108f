using Hotline.Domain.Cases.Timeline;

namespace Hotline.Domain.Cases;

/// <summary>好差评: what the citizen thought of the handling, as the rating page offers it.</summary>
public enum CitizenRating
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意.</summary>
    Unsatisfied,
}

/// <summary>The citizen's own rating of a replied case.</summary>
public sealed partial class Case
{
    /// <summary>The longest comment a rating keeps.</summary>
    public const int RatingCommentMaxLength = 500;

    /// <summary>Whether the citizen may still rate the case: a voided or merged case has no handling to rate.</summary>
    public bool CanBeRated => Status is not (CaseStatus.Voided or CaseStatus.Merged);

    /// <summary>好差评: records the citizen's rating (<see cref="CaseEventKind.CitizenRated"/>) with an optional comment.</summary>
    /// <exception cref="InvalidOperationException">The case was voided or merged.</exception>
    public void Rate(CitizenRating rating, string? comment, DateTimeOffset at)
    {
        if (!CanBeRated)
            throw new InvalidOperationException($"Case {Number} is {Status} and cannot be rated.");
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > RatingCommentMaxLength })
            throw new ArgumentException($"A rating comment has at most {RatingCommentMaxLength} characters.", nameof(comment));
        Record(CaseEventKind.CitizenRated, new CaseActor(CaseActorKind.System, null, "市民"), at, new CitizenRatedData(rating, text));
    }
}
