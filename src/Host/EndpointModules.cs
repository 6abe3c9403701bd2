using System.Reflection;
using Carter;

namespace Advocacy.Host;

/// <summary>Finds the Carter endpoint modules, internal ones included, in the assemblies the host names.</summary>
internal static class EndpointModules
{
    public static Type[] In(params Assembly[] assemblies) =>
        assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICarterModule).IsAssignableFrom(t))
            .ToArray();
}
