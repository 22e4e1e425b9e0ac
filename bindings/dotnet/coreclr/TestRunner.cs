// Runs the binding's NUnit tests (tests/*.cs) on CoreCLR, where nunit-console 2.6 (a .NET Framework
// program) cannot run: every [Test] method, and each [TestCase] of a method once per case, of every
// [TestFixture] class, found by reflection. A test fails when it throws (NUnit's assertions throw).
// Prints one line per failure and "N passed, N failed"; exits 1 on any failure or on no test found.
using System;
using System.Linq;
using System.Reflection;

internal static class TestRunner
{
    private static int Main(string[] args)
    {
        Assembly tests = Assembly.LoadFrom(args[0]);
        int passed = 0, failed = 0;
        foreach (Type fixture in tests.GetTypes().Where(t => Has(t, "TestFixtureAttribute")))
        {
            foreach (MethodInfo method in fixture.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                var cases = method.GetCustomAttributes(false).Where(a => a.GetType().Name == "TestCaseAttribute")
                    .Select(a => (object[])a.GetType().GetProperty("Arguments").GetValue(a, null)).ToList();
                if (cases.Count == 0 && Has(method, "TestAttribute")) cases.Add(new object[0]);
                foreach (object[] arguments in cases)
                {
                    string name = fixture.Name + "." + method.Name + (arguments.Length > 0 ? "(" + string.Join(", ", arguments) + ")" : "");
                    try
                    {
                        method.Invoke(Activator.CreateInstance(fixture), Convert(arguments, method.GetParameters()));
                        passed++;
                    }
                    catch (TargetInvocationException e)
                    {
                        failed++;
                        Console.WriteLine("FAILED " + name + ": " + e.InnerException.GetType().Name + ": " + e.InnerException.Message.Trim());
                    }
                }
            }
        }
        Console.WriteLine(passed + " passed, " + failed + " failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static bool Has(MemberInfo member, string attribute) =>
        member.GetCustomAttributes(false).Any(a => a.GetType().Name == attribute);

    /// <summary>NUnit's conversion of a case's values to the parameters' types (an int for a long).</summary>
    private static object[] Convert(object[] arguments, ParameterInfo[] parameters) =>
        arguments.Select((value, i) => value == null || parameters[i].ParameterType.IsInstanceOfType(value)
            ? value
            : System.Convert.ChangeType(value, parameters[i].ParameterType)).ToArray();
}
