using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Tests.Intake;

/// <summary>Well-formed reports of every channel, for tests to spoil one field at a time.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset Received = new(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(8));

    public static readonly GeoPoint Pujiang = new(31.0520, 121.5700);

    public static IntakeReport Hotline() => new()
    {
        Channel = Channel.Hotline,
        SourceId = "12345-20261120-000731",
        CategoryCode = "E9001",
        Description = "楼下酒吧深夜噪声扰民",
        Location = new ReportLocation { Address = "浦江区滨江路 88 号", AreaId = "310199001001" },
        Reporter = new Reporter { Name = "王小明", Phone = PhoneNumber.Parse("138 1234 5678") },
        ReceivedAt = Received,
        RequestKind = "complaint",
        Details = new HotlineCallDetails { CallId = "C-778812", OperatorId = "op-07" },
    };

    public static IntakeReport VideoAlarm() => new()
    {
        Channel = Channel.VideoAlarm,
        SourceId = "cam-0412/alarm/99817",
        CategoryCode = "E0501",
        Location = new ReportLocation { Point = Pujiang },
        OccurredAt = Received.AddSeconds(-4),
        ReceivedAt = Received,
        Photos = ["https://media.example.cn/alarms/99817.jpg"],
        Details = new VideoAlarmDetails { CameraId = "cam-0412", Algorithm = "street-vending/2.3", Confidence = 0.91 },
    };

    public static IntakeReport Sensor() => new()
    {
        Channel = Channel.IotSensor,
        SourceId = "tilt-00077:1732066200",
        CategoryCode = "0102",
        Location = new ReportLocation { Point = Pujiang },
        ReceivedAt = Received,
        Details = new SensorAlarmDetails { SensorId = "tilt-00077", Metric = "tilt", Reading = 23.5, Threshold = 15, Unit = "deg" },
    };

    public static IntakeReport GridInspection() => new()
    {
        Channel = Channel.GridInspector,
        SourceId = "insp-31-20261120-0004",
        CategoryCode = "E0101",
        Description = "路口垃圾桶旁暴露垃圾",
        Location = new ReportLocation { Point = Pujiang, AreaId = "310199001001" },
        ReceivedAt = Received,
        Photos = ["https://media.example.cn/patrol/0004-1.jpg", "https://media.example.cn/patrol/0004-2.jpg"],
        Details = new GridInspectionDetails { InspectorId = "insp-31", GridId = "310199001001-G03" },
    };

    public static IntakeReport CitizenApp() => new()
    {
        Channel = Channel.CitizenApp,
        SourceId = "app-5f1c2d",
        CategoryCode = "0109",
        Description = "路灯不亮",
        Location = new ReportLocation { Point = Pujiang, Address = "滨江路与江苑路路口" },
        ReceivedAt = Received,
    };

    public static IntakeReport Doorplate() => new()
    {
        Channel = Channel.DoorplateQr,
        SourceId = "qr-88120",
        CategoryCode = "E9005",
        Description = "楼道里有电动车在充电",
        Location = new ReportLocation { Address = "江苑路 12 弄 3 号" },
        ReceivedAt = Received,
        Details = new DoorplateScanDetails { DoorplateCode = "310199001001-JY12-3" },
    };
}
