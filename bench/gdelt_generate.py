"""Synthetic GDELT event files in the real column layouts (for tests and benchmarks).

57 columns (GDELT 1.0 backfile), 58 (1.0 daily files, with SOURCEURL) or 61
(GDELT 2.0, with ADM2 codes). Actors, event codes and URLs are drawn from small
pools weighted like real traffic: most events are verbal (01x-05x) or involve
actors that are not states or known groups (civilians, media), so only a part
becomes claims. DuckDB writes the file, so ten million rows take seconds.

    python bench/gdelt_generate.py OUT.tsv [--rows 10000000] [--columns 61] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from patron.importers.gdelt import LAYOUTS

# code, name, country, known group, type1
ACTORS = [
    ("IRN", "IRAN", "IRN", "", ""), ("IRNGOV", "IRAN", "IRN", "", "GOV"),
    ("IRNMIL", "IRAN", "IRN", "", "MIL"), ("IRNCVL", "IRAN", "IRN", "", "CVL"),
    ("ISR", "ISRAEL", "ISR", "", ""), ("ISRMIL", "ISRAEL", "ISR", "", "MIL"),
    ("PSE", "PALESTINE", "PSE", "", ""), ("PSEREB", "HAMAS", "PSE", "HMS", "REB"),
    ("LBNREB", "HEZBOLLAH", "LBN", "HEZ", "REB"), ("SYRGOV", "SYRIA", "SYR", "", "GOV"),
    ("QAT", "QATAR", "QAT", "", ""), ("TUR", "TURKEY", "TUR", "", ""),
    ("USA", "UNITED STATES", "USA", "", ""), ("USAGOV", "UNITED STATES", "USA", "", "GOV"),
    ("RUS", "RUSSIA", "RUS", "", ""), ("EGY", "EGYPT", "EGY", "", ""),
    ("SAU", "SAUDI ARABIA", "SAU", "", ""), ("IRQ", "IRAQ", "IRQ", "", ""),
    ("LBN", "LEBANON", "LBN", "", ""), ("YEMREB", "HOUTHI", "YEM", "", "REB"),
    ("CVL", "CIVILIAN", "", "", "CVL"), ("MED", "JOURNALIST", "", "", "MED"),
    ("", "", "", "", ""),
]  # fmt: skip
EVENT_CODES = [
    "010", "010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071",
    "072", "073", "075", "0332", "111", "112", "130", "138", "163", "172", "173", "180",
    "183", "190", "193", "195", "010", "020", "040", "042", "043", "190", "036", "112",
]  # fmt: skip
DOMAINS = ["news.example.org", "wire.example.com", "daily.example.net", "times.example.org"]


def _pick(pool: str, n: int, salt: int, seed: int) -> str:
    return f"{pool}[(hash(i * {salt} + {seed}) % {n})::INTEGER + 1]"


def generate(out: Path, rows: int = 10_000_000, columns: int = 61, seed: int = 1) -> Path:
    """Write ``rows`` events with ``columns`` tab-separated fields to ``out``."""
    names = LAYOUTS[columns]
    con = duckdb.connect()
    con.execute("SET threads = 4")
    seed = int(seed)
    actor_list = "[" + ", ".join(
        "{" + ", ".join(f"'{k}': '{v}'" for k, v in zip(
            ("code", "name", "country", "grp", "type1"), a, strict=True)) + "}"
        for a in ACTORS
    ) + "]"  # fmt: skip
    codes = "[" + ", ".join(f"'{c}'" for c in EVENT_CODES) + "]"
    domains = "[" + ", ".join(f"'{d}'" for d in DOMAINS) + "]"
    day = f"(20240101 + (hash(i * 7 + {seed}) % 3)::INTEGER * 100 + (hash(i * 11) % 28)::INTEGER)"
    values: dict[str, str] = {
        "GLOBALEVENTID": "(1000000000 + i)::VARCHAR",
        "SQLDATE": f"{day}::VARCHAR",
        "MonthYear": f"({day} // 100)::VARCHAR",
        "Year": "'2024'",
        "FractionDate": "'2024.0411'",
        "IsRootEvent": "'1'",
        "EventCode": "code",
        "EventBaseCode": "left(code, 3)",
        "EventRootCode": "left(code, 2)",
        "QuadClass": "'1'",
        "GoldsteinScale": "'3.4'",
        "NumMentions": f"((hash(i * 13 + {seed}) % 20) + 1)::VARCHAR",
        "NumSources": "'1'",
        "NumArticles": "'2'",
        "AvgTone": "'-2.7586206896552'",
        "DATEADDED": f"({day}::VARCHAR || '011500')" if columns == 61 else f"{day}::VARCHAR",
        "SOURCEURL": f"'https://' || {_pick(domains, len(DOMAINS), 17, seed)} || '/story/' || "
        f"(hash(i * 19 + {seed}) % 50000)::VARCHAR",
    }
    for side, alias in ((1, "a1"), (2, "a2")):
        values |= {
            f"Actor{side}Code": f"{alias}.code",
            f"Actor{side}Name": f"{alias}.name",
            f"Actor{side}CountryCode": f"{alias}.country",
            f"Actor{side}KnownGroupCode": f"{alias}.grp",
            f"Actor{side}Type1Code": f"{alias}.type1",
        }
    for geo in ("Actor1", "Actor2", "Action"):
        values |= {
            f"{geo}Geo_Type": "'4'",
            f"{geo}Geo_FullName": "'Gaza, Gaza Strip, Occupied Palestinian Territory'",
            f"{geo}Geo_CountryCode": "'GZ'",
            f"{geo}Geo_ADM1Code": "'GZ00'",
            f"{geo}Geo_ADM2Code": "'GZ00'",
            f"{geo}Geo_Lat": "'31.5'",
            f"{geo}Geo_Long": "'34.4667'",
            f"{geo}Geo_FeatureID": "'-780472'",
        }
    select = ", ".join(f'{values.get(n, repr(""))} AS "{n}"' for n in names)
    n_actors = len(ACTORS)
    query = f"""
    COPY (
      SELECT {select} FROM (
        SELECT i,
               {actor_list}[(hash(i * 3 + {seed}) % {n_actors})::INTEGER + 1] AS a1,
               {actor_list}[(hash(i * 5 + {seed}) % {n_actors})::INTEGER + 1] AS a2,
               {_pick(codes, len(EVENT_CODES), 23, seed)} AS code
        FROM range({int(rows)}) t(i)
      )
    ) TO '{out}' (DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '')
    """
    con.execute(query)
    con.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--columns", type=int, choices=sorted(LAYOUTS), default=61)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.rows, args.columns, args.seed)


if __name__ == "__main__":
    main()
