using System.Globalization;
using CityOps.Flow.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace CityOps.Flow.Web.Hosting;

/// <summary>
/// How an exception that escaped a request is answered. A refused request keeps its 4xx; a database that stayed busy
/// through the store's own retries (lock contention, a deadlock victim, a full pool) is 503 with Retry-After, because
/// nothing was saved and the same request will very likely succeed a moment later; anything else is a 500.
/// </summary>
public static class ExceptionResponses
{
    /// <summary>What a busy answer tells the client to wait before sending the request again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public static int StatusCode(Exception exception) => exception switch
    {
        BadHttpRequestException refused => refused.StatusCode,
        _ when TransientStorageFailure.Is(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Problem details for a busy database: a title and detail the caller can act on, and the Retry-After header.</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        var exception = context.Exception ?? context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is null || !TransientStorageFailure.Is(exception))
        {
            return;
        }

        context.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        context.ProblemDetails.Status = StatusCodes.Status503ServiceUnavailable;
        context.ProblemDetails.Title = "The database is busy";
        context.ProblemDetails.Detail =
            $"Other requests held the database while this one waited; nothing was saved. Send the same request again after {(int)RetryAfter.TotalSeconds} seconds.";
        context.ProblemDetails.Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4";
    }
}
