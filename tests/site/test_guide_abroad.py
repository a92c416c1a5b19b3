"""What an applicant abroad needs, said in both editions: each fact the content review of
December 2026 found wrong or missing, read from the rendered pages of the built site.

Each case names a page, the section that holds the fact (its anchor, the same in both
editions) and words that state it in each language. A section or a sentence that one edition
loses fails here, naming the page and the language."""
from __future__ import annotations

import re

import pytest

from sitegen.editions import ENGLISH, FRENCH
from sitegen.strings import load_strings
from tests.site.helpers import CONTENT_ROOT, html_files, parse

NBSP = "\u00a0"
POLICE_BY_COUNTRY = "https://www.canada.ca/en/immigration-refugees-citizenship/services/application/medical-police/police-certificates/how.html"


def plain(text: str) -> str:
    """Runs of spaces, line breaks and no-break spaces as one space; typographic apostrophes as "'"."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).replace("\u2019", "'").strip()


def text_of(element) -> str:
    """The words of an element as a person reads them (see `plain`)."""
    return plain("".join(element.itertext()))


def page(built_site, edition, slug: str):
    return parse(built_site / edition.path(f"guide/{slug}/") / "index.html")


def section(built_site, edition, slug: str, anchor: str | None) -> str:
    """The text of a page's section: from the heading with `anchor` to the next heading of the
    same or a higher level (the whole prose when `anchor` is None)."""
    prose = page(built_site, edition, slug).find(".//div[@class='prose']")
    if anchor is None:
        return text_of(prose)
    parts, level = [], None
    for child in prose:
        if level is None:
            if child.get("id") == anchor:
                level = child.tag
                parts.append(text_of(child))
            continue
        if child.tag in ("h2", "h3") and child.tag <= level:
            break
        parts.append(text_of(child))
    assert level is not None, f"{edition.lang}: no section #{anchor} on {slug}"
    return " ".join(parts)


# (page, section anchor or None for the whole page, English words, French words)
FACTS = {
    # Severity A: a refusal, a rejection or lost money.
    "valid job offer defined": ("eligibility", "valid-job-offer",
                                ["in writing", "positive LMIA", "A simple offer letter, with no LMIA, is not a valid job offer",
                                 "A work permit alone is not a job offer", "up to two employers"],
                                ["écrite", "EIMT nouvelle et positive", "Une simple lettre d'offre, sans EIMT, n'est pas une offre d'emploi valide",
                                 "Un permis de travail seul n'est pas non plus une offre d'emploi", "d'un ou de deux employeurs"]),
    "valid job offer in the glossary": ("glossary", "valid-job-offer", ["A plain offer letter is not enough", "LMIA"],
                                        ["Une simple lettre d'offre ne suffit pas", "EIMT"]),
    "funds exemption needs a valid offer": ("proof-of-funds", "who-must-show-funds", ["a plain offer letter is not enough"],
                                            ["une simple lettre d'offre ne suffit pas"]),
    "bank letters: debts and six months": ("proof-of-funds", "how-to-prove-it",
                                           ["your name", "average balance over the past six months", "your debts", "loans and credit-card debts"],
                                           ["votre nom", "solde moyen des six derniers mois", "vos dettes", "dettes de carte de crédit"]),
    "bank letters in the common mistakes": ("common-mistakes", "funds-not-shown-as-ircc-asks",
                                            ["do not list your debts", "past six months"], ["n'indiquent pas vos dettes", "six derniers mois"]),
    "who may translate": ("documents", "doc-translations",
                          ["your representative or consultant", "in Canada or in another country",
                           "before a person allowed to take oaths", "stamps and seals"],
                          ["votre représentant ou consultant", "au Canada ou dans un autre pays",
                           "devant une personne autorisée à faire prêter serment", "tampons et les cachets"]),
    "translations on the application page": ("pr-application", "documents-you-usually-need",
                                             ["affidavit", "You, your family and your representative must not translate"],
                                             ["affidavit", "Ni vous, ni votre famille, ni votre représentant ne doivent traduire"]),
    "relatives that count for FSW": ("eligibility", "the-selection-grid",
                                     ["aunt or uncle, niece or nephew", "live in Canada", "Cousins and other relatives do not count"],
                                     ["un oncle ou une tante, un neveu ou une nièce", "vivre au Canada", "Les cousins et les autres membres de la famille ne comptent pas"]),
    "professional degrees: a closed list": ("education-assessment", "claim-what-your-eca-says",
                                            ["medicine, veterinary medicine, dentistry, optometry, law, chiropractic and pharmacy"],
                                            ["médecine, médecine vétérinaire, dentisterie, optométrie, droit, chiropratique et pharmacie"]),
    # Severity B: misleading.
    "paying from abroad": ("paying-fees", "paying-from-abroad",
                           ["prepaid credit cards", "Visa Debit", "CIB or Edahabia", "Their name does not need to be yours",
                            "Pay early", "the invitation is lost"],
                           ["cartes de crédit prépayées", "Visa Débit", "CIB ou Edahabia", "Son nom n'a pas besoin d'être le vôtre",
                            "Payez tôt", "l'invitation est perdue"]),
    "French counts as a first language too": ("improve-your-score", "french", ["as your first or second official language"],
                                              ["comme première ou deuxième langue officielle"]),
    "reference letters on the NOC page": ("find-your-noc", "reference-letters",
                                          ["A plain work certificate with only your job title and dates is not enough",
                                           "the name, job title and signature of the person who writes it"],
                                          ["Une attestation simple, avec seulement votre poste et vos dates, ne suffit pas",
                                           "le nom, le titre du poste et la signature de la personne qui l'écrit"]),
    "an assessment for another purpose is not an ECA": ("education-assessment", "where-to-get-it",
                                                        ["for a university or for Quebec, does not replace an ECA"],
                                                        ["pour une université ou pour le Québec, ne remplace pas une EDE"]),
    "the high-wage change is not confirmed": ("profile-and-crs", None, ["report that IRCC may have added points"],
                                              ["indiquent qu'IRCC aurait ajouté des points"]),
    # What a person abroad needs (review §1e).
    "police certificates by country": ("documents", "doc-police",
                                       ["bulletin n° 3", "fiche anthropométrique", "power of attorney", "that is your country's rule, not IRCC's"],
                                       ["bulletin n° 3", "fiche anthropométrique", "procuration", "c'est la règle de votre pays, pas celle d'IRCC"]),
    "biometrics at a visa application centre": ("pr-application", "biometrics",
                                                ["visa application centre (VAC)", "another city", "optional services"],
                                                ["centre de réception des demandes de visa (CRDV)", "une autre ville", "services facultatifs"]),
    "the passport request abroad": ("after-you-submit", "what-happens-in-order",
                                    ["Algeria, Morocco and Tunisia", "without your passport for some weeks"],
                                    ["l'Algérie, le Maroc et la Tunisie", "quelques semaines sans passeport"]),
    "money in another currency": ("proof-of-funds", "other-currency",
                                  ["exchange rate of the day", "a margin", "exchange controls", "gift letter", "A large deposit",
                                   "needs a translation"],
                                  ["taux de change du jour", "une marge", "contrôle des changes", "lettre de don", "Un gros dépôt",
                                   "doit être traduite"]),
    "Arabic civil papers": ("documents", "doc-civil", ["only in Arabic needs a translation", "livret de famille"],
                            ["seulement en arabe doit être traduit", "livret de famille"]),
    "names spelt in several ways": ("documents", "doc-civil", ["other names", "explains the differences"],
                                    ["autres noms", "explique les différences"]),
    "detailed employer letters and their proof": ("documents", "doc-references",
                                                  ["is not enough", "payslips", "social-security records", "CNSS", "IRCC may call"],
                                                  ["ne suffit pas", "bulletins de paie", "relevés de sécurité sociale", "CNSS", "IRCC peut appeler"]),
    "claim what the ECA says": ("education-assessment", "claim-what-your-eca-says",
                                ["the level that your ECA states", "each credential you count needs its own ECA", "BTS, DUT"],
                                ["le niveau indiqué par votre EDE", "chaque diplôme que vous comptez doit avoir sa propre EDE", "BTS, un DUT"]),
    "ten years of personal history": ("pr-application", "personal-history",
                                      ["past ten years", "There must be no gap", "military service"],
                                      ["dix dernières années", "Il ne doit y avoir aucun trou", "service militaire"]),
    "panel physicians": ("medical-exam", "where-to-do-it", ["Book early", "Children in the application are examined too", "chest X-ray"],
                         ["Prenez rendez-vous tôt", "Les enfants inclus dans la demande passent aussi l'examen", "radiographie des poumons"]),
    "the IRCC account": ("pr-application", "ircc-account", ["GCKey", "letter of explanation"], ["CléGC", "lettre d'explication"]),
    "the representative form": ("representatives-and-fraud", "how-to-check-a-licence", ["IMM 5476"], ["IMM 5476"]),
    # What only the French edition said (review §2), now in both.
    "French speakers on the overview": ("overview", None, ["Do you speak French?", "only TEF Canada and TCF Canada are accepted"],
                                        ["Vous parlez français ?", "seuls le TEF Canada et le TCF Canada sont acceptés"]),
    "French tests that do not count": ("language-tests", "which-tests-count",
                                       ["TEFAQ, TCF Québec, DELF and DALF are not accepted", "one test, in French, is enough"],
                                       ["TEFAQ, le TCF Québec, le DELF et le DALF ne sont pas acceptés", "un seul test, en français, suffit"]),
    "CEFR levels are not IRCC's": ("language-tests", "from-test-scores-to-clb-levels", ["CEFR", "IRCC does not use it"],
                                   ["CECR", "Ce n'est pas ce qu'IRCC utilise"]),
    "French points explained": ("profile-and-crs", None, ["a good French result counts twice"], ["un bon résultat en français compte donc deux fois"]),
    "French rounds": ("draws-and-invitations", "categories", ["If you speak French.", "TEF Canada or TCF Canada"],
                      ["Si vous parlez français.", "TEF Canada ou le TCF Canada"]),
}


@pytest.mark.parametrize("fact", FACTS)
def test_the_fact_is_said_in_both_editions(built_site, fact):
    slug, anchor, english, french = FACTS[fact]
    for edition, words in ((ENGLISH, english), (FRENCH, french)):
        text = section(built_site, edition, slug, anchor)
        missing = [w for w in words if plain(w) not in text]
        assert not missing, (edition.lang, slug, anchor, missing)


def test_each_edition_links_ircc_page_of_police_certificates_by_country(built_site):
    for edition in (ENGLISH, FRENCH):
        police = page(built_site, edition, "documents").find(".//h3[@id='doc-police']/..")
        links = [a for a in police.iter("a") if a.get("href") == POLICE_BY_COUNTRY]
        assert len(links) == 1, edition.lang


def test_each_edition_links_the_report_fraud_page(built_site):
    for edition in (ENGLISH, FRENCH):
        hrefs = {a.get("href") for a in page(built_site, edition, "representatives-and-fraud").iter("a")}
        assert any(h and h.startswith("https://www.canada.ca/") and ("report-fraud" in h or "signaler-fraude" in h) for h in hrefs), edition.lang


def test_a_french_page_marks_a_link_to_an_english_page(built_site):
    """French readers are told before they land on an English page of IRCC (in the words of the
    pages; the rules tables' source lines are the data's)."""
    seen = 0
    for path in html_files(built_site / "fr" / "guide"):
        prose = parse(path).find(".//div[@class='prose']")
        for parent in prose.iter() if prose is not None else ():
            if parent.get("class") == "table-source":
                continue
            children = list(parent)
            for i, a in enumerate(children):
                if a.tag != "a" or "canada.ca/en/" not in (a.get("href") or ""):
                    continue
                seen += 1
                after = (a.tail or "") + (text_of(children[i + 1]) if i + 1 < len(children) and not a.tail else "")
                assert "(en anglais)" in text_of(a) + after, (path.parent.name, a.get("href"))
    assert seen >= 1


CALCULATOR = {"en": "calculator/", "fr": "calculateur/"}


def calculator_text(built_site, edition) -> str:
    return text_of(parse(built_site / edition.path(CALCULATOR[edition.lang]) / "index.html").find(".//body"))


def label_of(built_site, edition, name: str) -> str:
    doc = parse(built_site / edition.path(CALCULATOR[edition.lang]) / "index.html")
    control = doc.find(f".//*[@name='{name}']")
    label = doc.find(f".//label[@for='{control.get('id')}']") if control is not None and control.get("id") else None
    if label is None:  # a group of choices: the legend of the innermost fieldset that holds it
        label = [f for f in doc.iter("fieldset") if f.find(f".//*[@name='{name}']") is not None][-1].find("legend")
    return text_of(label)


@pytest.mark.parametrize("name, english, french", [
    ("job_offer", "LMIA", "EIMT"),
    ("sibling_in_canada", "my spouse or partner who comes with me", "mon époux ou conjoint de fait qui m’accompagne"),
    ("medical_instructions_on", "older applications only", "anciennes demandes seulement"),
])
def test_the_calculator_asks_the_corrected_question(built_site, name, english, french):
    assert plain(english) in label_of(built_site, ENGLISH, name)
    assert plain(french) in label_of(built_site, FRENCH, name)


def test_the_calculator_says_what_a_valid_offer_and_an_eca_claim_are(built_site):
    for edition, words in ((ENGLISH, ["A plain offer letter is not enough", "Choose the level that your ECA states",
                                      "veterinary medicine, dentistry, optometry, law, chiropractic or pharmacy"]),
                           (FRENCH, ["Une simple lettre d’offre ne suffit pas", "Choisissez le niveau que l’EDE indique",
                                     "médecine vétérinaire, dentisterie, optométrie, droit, chiropratique ou pharmacie"])):
        text = calculator_text(built_site, edition)
        assert not [w for w in words if plain(w) not in text], edition.lang


# French a reader from the Maghreb reads rightly (review §3).

def french_words(built_site) -> list[tuple[str, str]]:
    """(where, text) of every French page a person reads, scripts and styles left out."""
    found = []
    for path in html_files(built_site / "fr"):
        body = parse(path).find(".//body")
        for element in body.iter():
            if element.tag in ("script", "style", "template"):
                element.text = ""
                for child in list(element):
                    element.remove(child)
        found.append((path.relative_to(built_site).as_posix(), text_of(body)))
    return found


BARE_DOLLAR = re.compile(r"\$(?![\s\u00a0\u202f]*CA\b)")


def test_no_french_page_shows_dollars_without_ca(built_site):
    """'$' alone reads as US dollars to many French readers: always '$ CA'."""
    for where, text in french_words(built_site):
        match = BARE_DOLLAR.search(text)
        assert match is None, (where, text[max(0, match.start() - 40):match.end() + 10])
    # The border rule above all: in Canadian dollars, whatever the currency.
    border = section(built_site, FRENCH, "after-approval", "what-to-declare-at-the-border")
    assert re.search(r"10 000 \$ CA \(dollars canadiens\) ou plus", border) and "toutes les monnaies" in border


def test_no_french_catalogue_string_shows_dollars_without_ca():
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from strings(item)
    for key, value in load_strings(FRENCH.locales).items():
        for text in strings(value):
            assert not BARE_DOLLAR.search(text), key


def test_no_french_content_writes_dollars_without_ca():
    for path in sorted((CONTENT_ROOT / "fr").glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not BARE_DOLLAR.search(line), f"{path.name}:{number}: {line.strip()}"


def test_teer_2_is_explained_with_local_diplomas(built_site):
    """'Collège' is lower-secondary school in the Maghreb: TEER 2 names BTS, DUT, technicien supérieur."""
    french = load_strings(FRENCH.locales)
    for key in ("noc.teer.2", "rules.programs.skilled_teer.rows.2"):
        assert all(word in french[key] for word in ("BTS", "DUT", "technicien supérieur")), key
    noc = text_of(page(built_site, FRENCH, "find-your-noc").find(".//div[@class='prose']"))
    assert "BTS, DUT, technicien supérieur" in noc


def test_french_says_attestation_de_travail_detaillee(built_site):
    for slug, anchor in (("documents", "doc-references"), ("find-your-noc", "reference-letters")):
        text = section(built_site, FRENCH, slug, anchor)
        assert "ttestation" in text and "détaillée" in text and "de référence" in text, slug


def test_french_education_options_give_local_equivalents():
    french = load_strings(FRENCH.locales)
    assert "baccalauréat" in french["calculator.option.education.secondary"]
    assert "licence" in french["calculator.option.education.bachelors"]
    assert "BTS" in french["calculator.option.education.two_year"]
    assert "baccalauréat" in french["rules.crs.education.rows.secondary"]


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FILE_NAME = re.compile(r"\b[\w./-]+\.(?:md|toml|py|json)\b")


@pytest.mark.parametrize("edition", [ENGLISH, FRENCH], ids=["en", "fr"])
def test_no_guide_page_shows_an_iso_date_or_a_file_name(built_site, edition):
    for slug in sorted(p.stem for p in (CONTENT_ROOT / edition.lang).glob("*.md")):
        prose = page(built_site, edition, slug).find(".//div[@class='prose']")
        for element in prose.iter():  # what a person reads, the chart's titles included
            for text in (element.text, element.tail):
                if text and (ISO_DATE.search(text) or FILE_NAME.search(text)):
                    pytest.fail(f"{edition.lang} {slug}: {text.strip()[:80]}")


def test_french_titles_and_contents_keep_the_no_break_space_before_colons_and_question_marks(built_site):
    """The page title, its headings and the 'On this page' list, where the build writes the words."""
    for path in html_files(built_site / "fr" / "guide"):
        doc = parse(path)
        for element in [*doc.iter("h1"), *doc.iter("h2"), *doc.iter("h3"), *doc.findall(".//nav[@class='toc']//a")]:
            words = "".join(element.itertext())
            assert not re.search(r" [:;?!]", words), (path.parent.name, words)
