namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>Why a supervision command was refused: an HTTP status, a title, a sentence, and field problems for a 400.</summary>
public sealed record SupervisionRefusal(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static SupervisionRefusal UnknownCase(string id) =>
        new(StatusCodes.Status404NotFound, "Unknown case", $"No case '{id}' that you may see.");

    public static SupervisionRefusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid", $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public IResult ToResult() => Errors is { } errors
        ? Results.ValidationProblem(errors, detail: Detail, title: Title)
        : Results.Problem(Detail, statusCode: Status, title: Title);
}
