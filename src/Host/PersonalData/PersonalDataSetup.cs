using Advocacy.BuildingBlocks.Data;

namespace Advocacy.Host.PersonalData;

internal static class PersonalDataSetup
{
    /// <summary>The user account's part in exports and erasures; each module registers its own holder.</summary>
    public static WebApplicationBuilder AddPersonalData(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IPersonalDataHolder, IdentityPersonalData>();
        return builder;
    }
}
