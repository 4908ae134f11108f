namespace Hotline.Workbench.Cases;

/// <summary>督办意见 as a person reads it: the instruction, who gave it (their name) and when.</summary>
public sealed record CaseInstruction(string Text, string By, DateTimeOffset At);
