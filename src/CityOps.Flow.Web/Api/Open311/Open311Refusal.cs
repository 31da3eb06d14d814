namespace CityOps.Flow.Web.Api.Open311;

/// <summary>Why a GeoReport call was refused: the HTTP status (400, 403, 404) and one description per problem.</summary>
public sealed record Open311Refusal(int Status, IReadOnlyList<string> Descriptions)
{
    public static Open311Refusal Invalid(params string[] descriptions) => new(StatusCodes.Status400BadRequest, descriptions);

    public static Open311Refusal NotFound(string description) => new(StatusCodes.Status404NotFound, [description]);

    public IResult ToResult(string format) => Open311Writer.Errors(format, Status, [.. Descriptions]);
}
