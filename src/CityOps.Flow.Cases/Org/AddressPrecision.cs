namespace CityOps.Flow.Cases.Org;

/// <summary>How closely a resolved address pins the place down, best first.</summary>
public enum AddressPrecision
{
    /// <summary>A doorplate QR code: road and house number.</summary>
    Doorplate,

    /// <summary>A road and a house number on it.</summary>
    HouseNumber,

    /// <summary>A compound or landmark.</summary>
    Place,

    /// <summary>A road without a usable house number: a point on it, near a named street or community if one was given.</summary>
    Road,

    /// <summary>Only a street, community or grid name: its centre.</summary>
    Area,
}
