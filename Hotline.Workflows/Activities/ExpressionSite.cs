using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Activities;

/// <summary>
/// An expression an activity evaluates, as publishing checks it: the input it belongs to, the expression, the type its
/// value is converted to, and, for inputs holding several expressions (a switch's cases), which one.
/// </summary>
public sealed record ExpressionSite(string Input, Expression Expression, Type ValueType, string? Part = null);
