#!/usr/bin/env python3
"""Gives the demo district's areas boundary polygons and splits every community into grids.

Run once from the repository root after changing area centres in samples/demo-district.json:

    python3 samples/tools/district_boundaries.py

The file is rewritten in place (its other sections are kept). Geometry, all in a local metric projection around the
district centre:
  * the district is a 48-gon of about 8.5 km radius, gently irregular (a sum of low harmonics), around its centre;
  * each street is the Voronoi cell of its centre among all street centres, clipped to the district;
  * each community is the Voronoi cell of its centre among its street's community centres, clipped to the street,
    so the communities tile their street exactly;
  * each community is cut through its centroid by a north-south and an east-west line into four grids
    (网格 <community id>001..004), which tile the community.
All cells are convex, every centre lies inside its own cell, siblings never overlap, and corners are rounded to about
1 cm, so nested and neighbouring boundaries agree to within that. Boundaries are GeoJSON
Polygons (WGS 84, [longitude, latitude], counter-clockwise, closed) stored as strings in boundaryGeoJson.
Standard library only, deterministic: running it twice gives the same file.
"""
import json
import math
import os
import sys

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "demo-district.json")
DIGITS = 7  # about 1 cm: neighbouring and nested boundaries agree to within that


def main():
    with open(PATH, encoding="utf-8") as f:
        data = json.load(f)
    areas = [a for a in data["areas"] if a["level"] != "Grid"]  # grids are regenerated
    district = next(a for a in areas if a["level"] == "District")
    lat0, lon0 = district["latitude"], district["longitude"]
    kx = 111_320.0 * math.cos(math.radians(lat0))
    ky = 110_574.0

    def to_xy(a):
        return ((a["longitude"] - lon0) * kx, (a["latitude"] - lat0) * ky)

    def to_lonlat(p):
        return [round(lon0 + p[0] / kx, DIGITS), round(lat0 + p[1] / ky, DIGITS)]

    def snapped(polygon):
        # The stored (rounded) corners, back in metres: children are cut from exactly what the parent stores, so a
        # child's corner on a parent's corner is the same number in both.
        return [((q[0] - lon0) * kx, (q[1] - lat0) * ky) for q in (to_lonlat(p) for p in polygon)]

    outline = []
    for i in range(48):
        t = 2 * math.pi * i / 48
        r = 8500 * (1 + 0.05 * math.sin(3 * t + 0.4) + 0.03 * math.cos(5 * t + 1.1))
        outline.append((r * math.cos(t), r * math.sin(t)))
    # The harmonics keep the outline star-shaped but not convex; clip against its convex hull so cells stay convex.
    outline = snapped(convex_hull(outline))
    set_boundary(district, outline, to_lonlat)

    streets = [a for a in areas if a["level"] == "Street"]
    grids = []
    for street in streets:
        cell = snapped(voronoi_cell(to_xy(street), [to_xy(s) for s in streets if s is not street], outline))
        set_boundary(street, cell, to_lonlat)
        communities = [a for a in areas if a["parentId"] == street["id"] and a["level"] == "Community"]
        for community in communities:
            own = snapped(voronoi_cell(to_xy(community), [to_xy(c) for c in communities if c is not community], cell))
            assert inside(to_xy(community), own), community["id"]
            set_boundary(community, own, to_lonlat)
            cx, cy = centroid(own)
            quadrants = [(1, 1), (-1, 1), (-1, -1), (1, -1)]  # which side of each cut line the piece keeps
            for n, (sx, sy) in enumerate(quadrants, start=1):
                piece = clip(clip(own, (sx, 0), sx * cx), (0, sy), sy * cy)
                gx, gy = centroid(piece)
                centre = to_lonlat((gx, gy))
                grid = {
                    "id": f"{community['id']}{n:03d}",
                    "parentId": community["id"],
                    "name": f"{community['name']}第{n}网格",
                    "nameEn": f"{community['nameEn']} Grid {n}",
                    "level": "Grid",
                    "latitude": centre[1],
                    "longitude": centre[0],
                }
                set_boundary(grid, piece, to_lonlat)
                grids.append(grid)

    data["areas"] = areas + grids
    with open(PATH, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{len(streets)} streets, {sum(a['level'] == 'Community' for a in areas)} communities, {len(grids)} grids written to {os.path.normpath(PATH)}")


def set_boundary(area, polygon, to_lonlat):
    ring = [to_lonlat(p) for p in polygon]
    ring.append(ring[0])
    area["boundaryGeoJson"] = json.dumps({"type": "Polygon", "coordinates": [ring]}, separators=(",", ":"))


def voronoi_cell(seed, others, region):
    """The part of the convex region nearer to seed than to any other point: clip by each perpendicular bisector."""
    cell = list(region)
    for o in others:
        # Keep points p with |p - seed| <= |p - o|, i.e. (o - seed) . p <= (|o|^2 - |seed|^2) / 2.
        normal = (o[0] - seed[0], o[1] - seed[1])
        limit = (o[0] ** 2 + o[1] ** 2 - seed[0] ** 2 - seed[1] ** 2) / 2
        cell = clip(cell, normal, limit)
    return cell


def clip(polygon, normal, limit):
    """Sutherland-Hodgman: the part of the polygon where normal . p <= limit."""
    out = []
    n = len(polygon)
    for i in range(n):
        p, q = polygon[i], polygon[(i + 1) % n]
        dp = normal[0] * p[0] + normal[1] * p[1] - limit
        dq = normal[0] * q[0] + normal[1] * q[1] - limit
        if dp <= 0:
            out.append(p)
        if (dp < 0 < dq) or (dq < 0 < dp):
            t = dp / (dp - dq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def centroid(polygon):
    a = cx = cy = 0.0
    for i in range(len(polygon)):
        (x0, y0), (x1, y1) = polygon[i], polygon[(i + 1) % len(polygon)]
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (cx / (3 * a), cy / (3 * a))


def inside(point, polygon):
    x, y = point
    result = False
    for i in range(len(polygon)):
        (x0, y0), (x1, y1) = polygon[i], polygon[i - 1]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def convex_hull(points):
    pts = sorted(points)
    def half(seq):
        h = []
        for p in seq:
            while len(h) >= 2 and (h[-1][0] - h[-2][0]) * (p[1] - h[-2][1]) - (h[-1][1] - h[-2][1]) * (p[0] - h[-2][0]) <= 0:
                h.pop()
            h.append(p)
        return h
    lower, upper = half(pts), half(reversed(pts))
    return lower[:-1] + upper[:-1]  # counter-clockwise


if __name__ == "__main__":
    sys.exit(main())
