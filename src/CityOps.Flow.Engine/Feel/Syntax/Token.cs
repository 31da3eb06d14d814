namespace CityOps.Flow.Engine.Feel;

internal enum TokenKind
{
    End,
    Number,
    String,
    Temporal,
    Name,
    Symbol,
}

/// <summary>A lexeme with its 1-based position; names and keywords share <see cref="TokenKind.Name"/>.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, int Offset)
{
    public bool Is(string symbolOrKeyword) =>
        (Kind == TokenKind.Symbol || Kind == TokenKind.Name) && string.Equals(Text, symbolOrKeyword, StringComparison.Ordinal);

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.String => $"string \"{Text}\"",
        TokenKind.Temporal => $"temporal literal @\"{Text}\"",
        _ => $"'{Text}'",
    };
}
