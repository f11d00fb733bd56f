"""Invented samordningsförbund documents for the bundled corpus and the benchmarks.

Every förbund, insats and person here is made up. Run:
    python benchmarks/synthetic.py OUT_DIR --count 6 --seed 1 [--pages 1]
to write a mix of .txt, .docx and .pdf files (python-docx and fpdf2 write the latter two).
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

KOMMUNER = ["Norrköping", "Linköping", "Motala", "Mjölby", "Västervik", "Örebro", "Karlstad", "Gävle",
            "Sundsvall", "Östersund", "Växjö", "Borås", "Skövde", "Kristianstad", "Lund", "Ängelholm"]
REGIONER = ["Region Östergötland", "Region Örebro län", "Region Värmland", "Region Gävleborg",
            "Region Kronoberg", "Region Skåne"]
INSATSER = ["Steget vidare", "Bryggan", "Nya vägar", "Kompassnålen", "Startlinjen", "Fotfästet",
            "Vändpunkten", "Ledstången", "Språngbrädan", "Horisonten"]
FIRST = ["Anna", "Erik", "Maja", "Johan", "Sara", "Oskar", "Lena", "Per", "Ida", "Nils"]
LAST = ["Exempelsson", "Testberg", "Påhittad", "Provström", "Låtsasson", "Uppdiktad"]
METHODS = [
    ("motiverande samtal (MI)", "Samtalen förs med motiverande samtal (MI) i alla möten med deltagarna."),
    ("Supported Employment", "Stödet till arbete ges enligt Supported Employment, där coachen söker jobb med deltagaren."),
    ("SMAIL", "Varje deltagare skattas med SMAIL vid inskrivning och därefter var tredje månad."),
    ("AWP", "Arbetsterapeuten gör en bedömning av arbetsförmåga med AWP när det behövs."),
]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]
FILLER = ("Deltagarna får stöd i vardagen, hjälp att hitta praktikplatser och samordnade kontakter med "
          "parterna. Arbetet sker i nära samarbete med arbetsgivare i kommunen och följs upp varje månad i "
          "teamet. ")
# Running text for long documents, varied so that no line repeats from page to page: a reader
# takes a line printed on every page for a running header and drops it, and a benchmark whose
# pages lose their text that way measures less work than a real page holds.
FILLER_SENTENCES = [
    "Under vecka {n} träffade coacherna {m} deltagare i {place} och planerade nästa steg tillsammans.",
    "Deltagarna får stöd i vardagen, hjälp att hitta praktikplatser och samordnade kontakter med {org}.",
    "Arbetet sker i nära samarbete med arbetsgivare i {place} och följs upp i teamet var {n}:e dag.",
    "I gruppverksamheten deltog {m} personer, och {n} av dem gick vidare till studier eller arbete.",
    "Handläggare från {org} deltar i teamets möten och tar upp ärenden som behöver samordnas.",
    "Kartläggningen visar att {m} procent av deltagarna saknar gymnasiebetyg och behöver stöd i språket.",
    "Styrgruppen möttes för {n}:e gången och följde upp budget, bemanning och resultat för {place}.",
]
FILLER_ORGS = ["Arbetsförmedlingen", "Försäkringskassan", "socialtjänsten", "vuxenutbildningen", "vårdcentralen"]


def make_filler(rng: random.Random, units: int) -> str:
    """Return about `units` times len(FILLER) characters of running text that seldom repeats a line."""
    out, size = [], 0
    while size < units * len(FILLER):
        sentence = rng.choice(FILLER_SENTENCES).format(
            n=rng.randint(2, 52), m=rng.randint(3, 95), place=rng.choice(KOMMUNER), org=rng.choice(FILLER_ORGS))
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out) + " "


def _person(rng: random.Random, domain: str) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    email = f"{first}.{last}@{domain}".lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    return f"{first} {last}", email


def make_document(rng: random.Random, pages: int = 1) -> tuple[str, list[tuple[str, str]]]:
    """Return (title, [(heading, body), ...]) for one invented application."""
    kommun, region = rng.choice(KOMMUNER), rng.choice(REGIONER)
    title = rng.choice(INSATSER)
    domain = kommun.lower().replace("ö", "o").replace("ä", "a").replace("å", "a") + ".se"
    contact, email = _person(rng, domain)
    year = rng.randint(2012, 2026)
    age_min, age_max = rng.choice([(16, 29), (18, 64), (20, 30), (25, 64)])
    requested = rng.randint(8, 60) * 100_000
    own = rng.randint(1, 9) * 50_000
    ftes = rng.sample(["100 %", "50 %", "75 %", "heltid", "halvtid"], 2)
    used = rng.sample(METHODS, 2)
    start_day = rng.randint(1, 28)
    filler = FILLER * 3 if pages <= 1 else FILLER + make_filler(rng, pages * 3 - 1)
    sections = [
        ("Insatsens namn", title),
        ("Insatsägare (*)", f"Organisation: {kommun} kommun, Arbetsmarknadsenheten. "
                            f"Kontaktperson: {contact}, {email}, tfn 0{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"),
        ("Samverkansparter (*)", f"Organisation: Arbetsförmedlingen, Försäkringskassan och {region}."),
        ("Beskriv bakgrunden till/behovet av insatsen (*)",
         f"Under {year - 1} ökade antalet personer med försörjningsstöd i {kommun}. " + filler),
        ("Beskriv syftet med insatsen (*)", f"Syftet med {title} är att fler ska nå egen försörjning. " + filler),
        ("Planerad insatstid", f"Planerat startdatum: {start_day} {rng.choice(MONTHS)} {year}\n"
                               f"Planerat slutdatum: {year + 2}-12-31"),
        ("Beskriv målgrupp för insatsen (*)", f"Insatsen vänder sig till personer {age_min}-{age_max} år i {kommun}."),
        ("Ange förväntat antal deltagare:", f"Vi räknar med cirka {rng.randint(2, 9) * 10} deltagare per år."),
        ("Beskriv metod/metoder ni kommer använda (*)", " ".join(m[1] for m in used) + " " + filler
         + f"I insatsen arbetar en coach på {ftes[0]} och en arbetsterapeut på {ftes[1]}."),
        ("Ange budget/finansiering", f"Från förbundet söks {requested:,} kr. Egen finansiering {own:,} kr."
         .replace(",", " ")),
        ("Underskrifter", f"{kommun} den {start_day} {rng.choice(MONTHS)} {year - 1}\n{contact}, enhetschef"),
    ]
    return title, sections


def write_txt(path: Path, title: str, sections) -> None:
    body = "Ansökan om medel för samverkansinsats\n\n" + "\n\n".join(f"{h}\n{b}" for h, b in sections)
    path.write_text(body + "\n", encoding="utf-8")


def write_docx(path: Path, title: str, sections) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Ansökan om medel för samverkansinsats").runs[0].bold = True
    for heading, body in sections:
        document.add_heading(heading, level=1)
        for para in body.split("\n"):
            document.add_paragraph(para)
    document.save(path)


def write_pdf(path: Path, title: str, sections) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, "Ansökan om medel för samverkansinsats", new_x="LMARGIN", new_y="NEXT")
    for heading, body in sections:
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


WRITERS = {"txt": write_txt, "docx": write_docx, "pdf": write_pdf}


def write_corpus(out: Path, count: int, seed: int = 1, pages: int = 1) -> list[Path]:
    """Write `count` invented documents, cycling through txt, docx and pdf; return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        fmt = ["txt", "docx", "pdf"][i % 3]
        title, sections = make_document(rng, pages)
        slug = title.lower().replace(" ", "-").replace("å", "a").replace("ä", "a").replace("ö", "o")
        path = out / f"ansokan-{i:04d}-{slug}.{fmt}"
        WRITERS[fmt](path, title, sections)
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=1, help="roughly how many pages of filler per document")
    args = ap.parse_args()
    for path in write_corpus(args.out, args.count, args.seed, args.pages):
        print(path)


if __name__ == "__main__":
    main()
