// Only `dotnet ef` runs this project, through the design-time factories; running it does nothing.
Console.WriteLine("Design-time startup project for `dotnet ef`; see build/add-migration.sh.");
