namespace Hotline.Domain.Indicators;

/// <summary>The tallies of the city or of one unit.</summary>
internal sealed class IndicatorCounts
{
    public int Registered { get; set; }

    public int DispatchedCases { get; set; }

    public int Completed { get; set; }

    public int DirectAnswers { get; set; }

    public int Answers { get; set; }

    public int AnswersOnTime { get; set; }

    public int Reached { get; set; }

    public int Satisfied { get; set; }

    public int Resolved { get; set; }

    public int Replies { get; set; }

    public int CalledBack { get; set; }

    public int Reopened { get; set; }

    public int SignFors { get; set; }

    public int SignForsOnTime { get; set; }

    public int Dispatches { get; set; }

    public int Returned { get; set; }

    public int Extended { get; set; }

    public int Ratings { get; set; }

    public int RatedSatisfied { get; set; }

    /// <summary>
    /// The figures. The city's completion is measured against registrations, a unit's against the cases dispatched
    /// to it (a unit never registers cases, so <see cref="Registered"/> is 0 for units).
    /// </summary>
    public IndicatorFigures ToFigures() => new(
        OnTimeCompletion: Figure.Of(AnswersOnTime, Answers),
        Completion: Figure.Of(Completed, Registered + DispatchedCases),
        Satisfaction: Figure.Of(Satisfied, Reached),
        Resolution: Figure.Of(Resolved, Reached),
        Callback: Figure.Of(CalledBack, Replies),
        TimelySignFor: Figure.Of(SignForsOnTime, SignFors),
        Return: Figure.Of(Returned, Dispatches),
        Extension: Figure.Of(Extended, Dispatches),
        Rehandle: Figure.Of(Reopened, Replies),
        DirectAnswer: Figure.Of(DirectAnswers, Registered),
        CitizenSatisfaction: Figure.Of(RatedSatisfied, Ratings));
}
