namespace Hotline.Workflows; internal static class Placeholder { }
