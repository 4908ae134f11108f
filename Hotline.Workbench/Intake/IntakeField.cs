namespace Hotline.Workbench.Intake;

/// <summary>Which part of the intake form changed, for the look-ups it starts.</summary>
public enum IntakeField
{
    /// <summary>The caller's number: history and duplicates.</summary>
    Phone,

    /// <summary>Subject, district or address: duplicates and knowledge.</summary>
    Place,

    /// <summary>The content: knowledge.</summary>
    Words,

    /// <summary>Anything else.</summary>
    Other,
}
