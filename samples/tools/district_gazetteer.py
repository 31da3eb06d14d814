#!/usr/bin/env python3
"""Writes samples/demo-gazetteer.json: the roads, residential compounds and landmarks of the demo district that
addresses are resolved against (hotline operators typing, Open311 address_string, doorplate QR codes).

Run once from the repository root after district_boundaries.py:

    python3 samples/tools/district_gazetteer.py

Roads follow the district's radial layout: one road per street from near the centre out through the street's centre
to the edge (named after the street), three ring roads, and two avenues crossing the centre. House numbers run along
each road from its first point (1) to its last ("numbers"), so "三林路 120 号" lies 120/last of the way along; a doorplate
code PJ<road code>-<number> (e.g. PJ006-0120) names the same place. Compounds (two per community) and landmarks (the
street offices, the community committees, schools, hospitals, parks, metro stations) are points inside their areas.
Standard library only, deterministic.
"""
import json
import math
import os

from district_boundaries import inside

HERE = os.path.dirname(os.path.abspath(__file__))
DISTRICT = os.path.join(HERE, "..", "demo-district.json")
OUT = os.path.join(HERE, "..", "demo-gazetteer.json")

ROAD_NAMES = {  # street id -> (road name, English)
    "310199001": ("浦江路", "Pujiang Road"), "310199002": ("东明路", "Dongming Road"),
    "310199003": ("临江路", "Linjiang Road"), "310199004": ("望江路", "Wangjiang Road"),
    "310199005": ("新港路", "Xingang Road"), "310199006": ("三林路", "Sanlin Road"),
    "310199007": ("周浦路", "Zhoupu Road"), "310199008": ("鲁汇路", "Luhui Road"),
    "310199009": ("召稼楼路", "Zhaojialou Road"), "310199010": ("杜行路", "Duhang Road"),
}
COMPOUND_SUFFIXES = [("花苑", "Garden"), ("新村", "New Village")]
EXTRA_LANDMARKS = [  # (name, English, kind, aliases, community id)
    ("浦江区人民医院", "Pujiang District People's Hospital", "hospital", ["区人民医院", "区医院"], "310199002003"),
    ("浦江区中医医院", "Pujiang District TCM Hospital", "hospital", ["中医医院"], "310199007003"),
    ("浦江中学", "Pujiang High School", "school", [], "310199001002"),
    ("临江小学", "Linjiang Primary School", "school", [], "310199003001"),
    ("三林实验学校", "Sanlin Experimental School", "school", [], "310199006003"),
    ("滨江公园", "Binjiang Park", "park", [], "310199003002"),
    ("古镇广场", "Old Town Square", "square", ["召稼楼古镇"], "310199009002"),
    ("港湾体育中心", "Harbour Sports Centre", "sports", ["体育中心"], "310199005002"),
    ("地铁浦江站", "Pujiang Metro Station", "metro", ["浦江站", "浦江地铁站"], "310199001001"),
    ("地铁东明路站", "Dongming Road Metro Station", "metro", ["东明路站"], "310199002001"),
    ("地铁周浦站", "Zhoupu Metro Station", "metro", ["周浦站"], "310199007001"),
    ("望江农贸市场", "Wangjiang Farmers' Market", "market", ["望江菜场"], "310199004001"),
    ("鲁汇汽车站", "Luhui Bus Station", "station", ["鲁汇车站"], "310199008001"),
    ("杜行工业园", "Duhang Industrial Park", "industrial", [], "310199010002"),
]


def main():
    with open(DISTRICT, encoding="utf-8") as f:
        areas = json.load(f)["areas"]
    by_id = {a["id"]: a for a in areas}
    district = next(a for a in areas if a["level"] == "District")
    lat0, lon0 = district["latitude"], district["longitude"]
    kx, ky = 111_320.0 * math.cos(math.radians(lat0)), 110_574.0

    def xy(a):
        return ((a["longitude"] - lon0) * kx, (a["latitude"] - lat0) * ky)

    def lonlat(p):
        return [round(lon0 + p[0] / kx, 6), round(lat0 + p[1] / ky, 6)]

    def polygon(area):
        return [((q[0] - lon0) * kx, (q[1] - lat0) * ky) for q in json.loads(area["boundaryGeoJson"])["coordinates"][0]]

    roads = []
    for n, (street_id, (name, english)) in enumerate(sorted(ROAD_NAMES.items()), start=1):
        sx, sy = xy(by_id[street_id])
        angle = math.atan2(sy, sx)
        path = [lonlat((r * math.cos(angle), r * math.sin(angle))) for r in (600, 2500, 5000, 6500, 8000)]
        roads.append(road(f"{n:03d}", name, english, [], path, 740))
    for n, (name, english, radius, aliases) in enumerate(
            [("内环路", "Inner Ring Road", 2500, ["内环"]), ("中环路", "Middle Ring Road", 4300, ["中环"]),
             ("外环路", "Outer Ring Road", 7200, ["外环"])], start=11):
        path = [lonlat((radius * math.cos(2 * math.pi * i / 36), radius * math.sin(2 * math.pi * i / 36))) for i in range(37)]
        roads.append(road(f"{n:03d}", name, english, aliases, path, int(2 * math.pi * radius / 20)))
    roads.append(road("014", "浦江大道", "Pujiang Avenue", ["浦江大街"], [lonlat((-8000, 0)), lonlat((8000, 0))], 1600))
    roads.append(road("015", "中心大道", "Central Avenue", [], [lonlat((0, -8000)), lonlat((0, 8000))], 1600))

    places = []
    communities = [a for a in areas if a["level"] == "Community"]
    for c in communities:
        stem = c["name"].removesuffix("社区")
        stem_en = c["nameEn"].removesuffix(" Community")
        cx, cy = xy(c)
        ring = polygon(c)
        for i, (suffix, suffix_en) in enumerate(COMPOUND_SUFFIXES):
            angle = (int(c["id"][-3:]) * 1.7 + i * math.pi) % (2 * math.pi)
            point = None
            for distance in (450, 350, 250, 150, 60):
                candidate = (cx + distance * math.cos(angle), cy + distance * math.sin(angle))
                if inside(candidate, ring):
                    point = candidate
                    break
            # 临江花园社区 is named after its estate: its first compound is 临江花园 itself.
            named = stem if suffix == "花苑" and stem.endswith("花园") else stem + suffix
            named_en = stem_en if named == stem else f"{stem_en} {suffix_en}"
            places.append(place(named, named_en, "compound", [], lonlat(point or (cx, cy))))
        places.append(place(c["name"] + "居委会", c["nameEn"] + " Residents' Committee", "office", [stem + "居委"], lonlat((cx, cy))))
    for s in (a for a in areas if a["level"] == "Street"):
        office = s["name"] + ("人民政府" if s["name"].endswith("镇") else "办事处")
        en = s["nameEn"] + (" Government" if s["name"].endswith("镇") else " Office")
        places.append(place(office, en, "office", [s["name"] + "政府" if s["name"].endswith("镇") else s["name"] + "办"], lonlat(xy(s))))
    places.append(place("浦江区人民政府", "Pujiang District Government", "office", ["区政府"], lonlat((120, 80))))
    for name, english, kind, aliases, community in EXTRA_LANDMARKS:
        c = by_id[community]
        cx, cy = xy(c)
        point = (cx - 120, cy + 90) if inside((cx - 120, cy + 90), polygon(c)) else (cx, cy)
        places.append(place(name, english, kind, aliases, lonlat(point)))

    data = {
        "description": "Gazetteer of the fictional 浦江区 (samples/demo-district.json): roads with house-number ranges, "
                       "residential compounds and landmarks. Generated by samples/tools/district_gazetteer.py; shape in samples/README.md.",
        "doorplatePrefix": "PJ",
        "roads": roads,
        "places": places,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{len(roads)} roads and {len(places)} places written to {os.path.normpath(OUT)}")


def road(code, name, english, aliases, path, last):
    return {"code": code, "name": name, "nameEn": english, "aliases": aliases, "numbers": [1, last], "path": path}


def place(name, english, kind, aliases, point):
    return {"name": name, "nameEn": english, "kind": kind, "aliases": aliases, "longitude": point[0], "latitude": point[1]}


if __name__ == "__main__":
    main()
