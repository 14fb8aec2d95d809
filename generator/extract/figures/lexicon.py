"""Word lists for the figures extractor (generator/extract/figures.py).

Kept apart from the parsing code so the conventions are easy to read and to
review: what counts as a qualifier, which words are units, which nouns are
counted, which verbs are predicates.
"""
from __future__ import annotations

from ..wordlists import words

# Spelled numbers -----------------------------------------------------------------
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# abbreviations written straight after digits ("$1.13bn", "£600m", "5 mln")
SCALE_ABBREV = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
                "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
                "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}

# Vague quantities: word -> (value, high).  Plural round numbers are read as "two of
# them" (dozens 24, scores 40, hundreds 200, thousands 2,000, millions 2,000,000);
# the high bound is the largest value still said that way.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999), "billions": (2_000_000_000, 9_999_999_999),
    "trillions": (2_000_000_000_000, 9_999_999_999_999),
}
# "tens of thousands" -> 20,000; "hundreds of millions" -> 200,000,000; "dozens of" ...
VAGUE_MULT = {"tens": 2 * 10, "dozens": 2 * 12, "scores": 2 * 20, "hundreds": 2 * 100, "thousands": 2 * 1000}
# "several thousand" -> 3,000; "a few hundred" -> 300; "a couple of hundred" -> 200; "many thousands" -> 2,000
VAGUE_FACTOR = {"several": 3, "a few": 3, "a couple of": 2, "a couple": 2, "many": 2}

# Qualifiers written before a number, longest first when matched.
QUALIFIERS = [
    "approximately", "about", "around", "some", "nearly", "almost", "roughly", "over", "under",
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "as few as", "as little as", "an estimated", "estimated", "just over", "just under",
    "well over", "well under", "close to", "upwards of", "in excess of", "no more than",
    "no fewer than", "no less than", "not more than", "only", "just", "barely", "below", "above",
    "almost exactly", "exactly", "precisely", "an average of", "on average", "a total of", "a further",
    "another", "an additional", "a record", "a maximum of", "a minimum of", "a mere", "fully",
    "upward of", "somewhere between", "between", "from", "the", "nearly all",
]
QUALIFIER_KEEP = words("figures", "qualifier_keep")

# Currencies ------------------------------------------------------------------------
CURRENCY_SYMBOL = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                   "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD",
                   "S$": "SGD", "R$": "BRL", "#": "GBP", "dlrs": "USD", "Dlrs": "USD", "DLRS": "USD", "₺": "TRY", "₽": "RUB", "Rs": "INR", "Rs.": "INR"}
CURRENCY_CODE = words("figures", "currency_code")
CURRENCY_WORD = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "lira": "TRY", "liras": "TRY", "lire": "TRY",
    "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "peso": "MXN", "pesos": "MXN", "rand": "ZAR", "shekel": "ILS", "shekels": "ILS",
    "dinar": "dinar", "dinars": "dinar", "riyal": "SAR", "riyals": "SAR", "krona": "SEK",
    "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "naira": "NGN", "baht": "THB",
    "dlrs": "USD", "cent": "cents", "cents": "cents", "pence": "pence", "penny": "pence",
}
# "US dollars", "Hong Kong dollars": the word before a currency word that belongs to it
CURRENCY_PREFIX_WORD = words("figures", "currency_prefix_word")

# Units -------------------------------------------------------------------------------
TIME_UNITS = {
    "second": "seconds", "seconds": "seconds", "secs": "seconds", "sec": "seconds",
    "minute": "minutes", "minutes": "minutes", "mins": "minutes", "min": "minutes",
    "hour": "hours", "hours": "hours", "hrs": "hours", "day": "days", "days": "days",
    "week": "weeks", "weeks": "weeks", "fortnight": "weeks", "month": "months", "months": "months",
    "year": "years", "years": "years", "yrs": "years", "decade": "decades", "decades": "decades",
    "century": "centuries", "centuries": "centuries", "night": "nights", "nights": "nights",
    "quarter": "quarters", "quarters": "quarters", "season": "seasons", "seasons": "seasons",
    "term": "terms", "terms": "terms", "weekend": "weekends", "weekends": "weekends",
}
# after a duration: it places an event in time rather than measuring how long it lasts
TIME_PLACING = words("figures", "time_placing")

MEASURE_UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "miles", "miles": "miles", "metre": "metres", "metres": "metres", "meter": "metres",
    "meters": "metres", "cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm",
    "millimetres": "mm", "millimeters": "mm", "ft": "feet", "foot": "feet", "feet": "feet",
    "inch": "inches", "inches": "inches", "yard": "yards", "yards": "yards",
    "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilogrammes": "kg", "g": "grams", "gram": "grams", "grams": "grams", "tonne": "tonnes",
    "tonnes": "tonnes", "ton": "tons", "tons": "tons", "lb": "lb", "lbs": "lb", "ounce": "ounces",
    "ounces": "ounces", "oz": "ounces", "litre": "litres", "litres": "litres", "liter": "litres",
    "liters": "litres", "gallon": "gallons", "gallons": "gallons", "barrel": "barrels",
    "barrels": "barrels", "bpd": "barrels per day", "mph": "mph", "kph": "km/h", "km/h": "km/h",
    "acre": "acres", "acres": "acres", "hectare": "hectares", "hectares": "hectares",
    "degree": "degrees", "degrees": "degrees", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh",
    "mb": "MB", "gb": "GB", "tb": "TB", "kb": "KB", "mbps": "Mbps", "gbps": "Gbps", "kbps": "kbps",
    "mhz": "MHz", "ghz": "GHz", "megapixel": "megapixels", "megapixels": "megapixels",
    "percentage": "percentage points",
}
# letters that may follow digits directly ("5km", "30kg", "1.8GHz")
ATTACHED_UNITS = words("figures", "attached_units")

# After "on": "on 42 minutes" is a match time in sport
# Nouns counted with plural form not ending in -s, or singular-looking collective nouns
IRREGULAR_PLURALS = words("figures", "irregular_plurals")
# Capitalised words ending in -s that are names, not plural nouns ("eight Las Vegas resorts")
PROPER_NOT_PLURAL = words("figures", "proper_not_plural")
# A singular head accepted after "one" ("one person was killed", "one soldier")
PERSON_NOUNS = words("figures", "person_nouns")
# Words that end a counted noun phrase
NP_STOP = words("figures", "np_stop")
# An "-ing"/"-ed" word ending the phrase is a verb, not part of the counted noun,
# unless it is one of these nouns/adjectives
ING_ED_NOUNS = words("figures", "ing_ed_nouns")
# Words ending in "s" that are not plural nouns
NOT_PLURAL = words("figures", "not_plural")
# Capitalised words after which a bare number is not a quantity ("Channel 4", "Windows 95")
# are found by rule; these lower-case words introduce a label, not a quantity
LABEL_WORDS = words("figures", "label_words")
# Words that, before a "N-M" pair, make it a score
SCORE_WORDS = words("figures", "score_words")
SCORE_AFTER = words("figures", "score_after")

MONTHS = words("figures", "months")

# Predicates: verbs (and adjectives) that say what happened to the counted things
PREDICATES = words("figures", "predicates")
AUX = words("figures", "aux")

# Attribution: reporting verbs
SAY_VERBS = words("figures", "say_verbs")
PRONOUN_SUBJECTS = words("figures", "pronoun_subjects")
