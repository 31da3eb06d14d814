using System.Text.Encodings.Web;
using System.Text.Unicode;
using CityOps.Flow.Web.Api;
using CityOps.Flow.Web.DemoOrganisation;
using CityOps.Flow.Web.Health;
using CityOps.Flow.Web.Hosting;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Localization;
using CityOps.Flow.Web.Portal;
using CityOps.Flow.Web.Portal.Intake;
using CityOps.Flow.Web.Portal.Navigation;
using CityOps.Flow.Web.Portal.Inbox;
using CityOps.Flow.Web.Workers;
using CityOps.Flow.Web.Api.Workflows;
using CityOps.Flow.Web.Api.Cases;
using CityOps.Flow.Web.Api.Open311;
using CityOps.Flow.Web.Api.Alarms;
using CityOps.Flow.Web.Api.Addresses;
using CityOps.Flow.Web.Api.Supervision;
using CityOps.Flow.Web.Api.Reporting;
using CityOps.Flow.Web.Cases;
using CityOps.Flow.Web.Cases.Tasks;
using CityOps.Flow.Web.Portal.Cases;
using CityOps.Flow.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCityOpsStorage(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWorkflowRuntime(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddTestClock(builder.Configuration, builder.Environment);
builder.Services.AddCaseIntake(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCaseTasks();
builder.Services.AddCaseAttachments();
builder.Services.AddCityAddresses(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddIntakeDesk();
builder.Services.AddOpen311(builder.Configuration);
builder.Services.AddCasePortal();
builder.Services.AddSupervision();
builder.Services.AddKpiReporting();
builder.Services.AddAlarmIntake(builder.Configuration);
builder.Services.AddPortalDataProtection(builder.Configuration);
builder.Services.AddCityOpsIdentity();
builder.Services.AddAuthorization();
builder.Services.AddPortalLocalization();
builder.Services.AddDemoOrganisation(builder.Configuration);
builder.Services.AddSingleton<StartupReport>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.ReadyTag]);
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ExceptionResponses.Describe);
builder.Services.AddAntiforgery();
builder.Services.AddRazorComponents();
// Chinese text is written as is, not as numeric character references.
builder.Services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddSingleton(PortalNavigation.FromRoutesIn(typeof(App).Assembly));

var app = builder.Build();

if (await PasswordCommand.TryRunAsync(app, args))
{
    return;
}

await app.PrepareStorageAsync();

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // A refused request keeps its 4xx; a database still busy after the store's retries is 503 with Retry-After.
    StatusCodeSelector = ExceptionResponses.StatusCode,
});
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseStaticFiles();
app.UseAuthentication();
app.UseRequestLocalization();
app.UseAuthorization();
app.UseAntiforgery();

app.MapPortalHealthChecks();
app.MapOpenApi();
app.MapCurrentUserApi();
app.MapWorkflowApi();
app.MapCaseApi();
app.MapCaseLeadershipApi();
app.MapTestClock();
app.MapCaseAttachmentApi();
app.MapAddressApi();
app.MapIntakeDesk();
app.MapInbox();
app.MapOpen311Api();
app.MapCasePortal();
app.MapSupervisionApi();
app.MapKpiApi();
app.MapAlarmApi();
app.MapAccountEndpoints();
app.MapLanguageSwitch();
app.MapRazorComponents<App>();

app.AnnounceSignInUrl();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
