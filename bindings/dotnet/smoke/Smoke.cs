// A consumer of the ZegoToken assembly, as an application is: generates and decodes one token and
// prints the library version. run-tests.sh runs it with the library found each documented way, and
// scripts/dist --check against the package installed by nuget.
using System;
using ZegoToken;

public static class Smoke
{
    public static int Main()
    {
        const string secret = "0123456789abcdef0123456789abcdef";
        var claims = Token04.Decode(Token04.Generate(1234567890, "dotnet-user", secret, 3600), secret);
        if (claims.UserId != "dotnet-user") return 1;
        Console.WriteLine(Token04.LibraryVersion);
        return 0;
    }
}
