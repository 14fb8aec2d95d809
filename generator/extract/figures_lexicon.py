"""Word lists for the figures extractor (generator/extract/figures.py).

Kept apart from the parsing code so the conventions are easy to read and to
review: what counts as a qualifier, which words are units, which nouns are
counted, which verbs are predicates.
"""
from __future__ import annotations

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
QUALIFIER_KEEP = {  # which of the above are reported as the figure's qualifier
    "approximately", "about", "around", "some", "nearly", "almost", "roughly", "over", "under",
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "as few as", "as little as", "an estimated", "estimated", "just over", "just under",
    "well over", "well under", "close to", "upwards of", "in excess of", "no more than",
    "no fewer than", "no less than", "not more than", "only", "just", "barely", "below", "above",
    "exactly", "precisely", "an average of", "a total of", "a further", "another", "an additional",
    "a record", "a maximum of", "a minimum of", "a mere", "upward of", "almost exactly",
}

# Currencies ------------------------------------------------------------------------
CURRENCY_SYMBOL = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                   "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD",
                   "S$": "SGD", "R$": "BRL", "#": "GBP", "dlrs": "USD", "Dlrs": "USD", "DLRS": "USD", "₺": "TRY", "₽": "RUB", "Rs": "INR", "Rs.": "INR"}
CURRENCY_CODE = {"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "TRY", "CHF", "RUB", "AUD", "CAD",
                 "NZD", "HKD", "SEK", "NOK", "DKK", "BRL", "ZAR", "MXN", "KRW", "SGD", "PLN"}
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
CURRENCY_PREFIX_WORD = {"us", "u.s.", "american", "australian", "canadian", "hong", "new", "singapore",
                        "turkish", "swiss", "zimbabwe", "zimbabwean", "jamaican", "taiwan"}

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
TIME_PLACING = {"ago", "earlier", "later", "before", "after", "previously", "hence", "since", "prior",
                "beforehand", "afterwards", "afterward", "back", "on", "into", "hence", "from"}

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
ATTACHED_UNITS = {"secs", "sec", "mins", "km", "kms", "cm", "mm", "ft", "kg", "kgs", "lb", "lbs", "oz", "mph", "kph",
                  "bpd", "mw", "gw", "kw", "kwh", "mb", "gb", "tb", "kb", "mbps", "gbps", "kbps",
                  "mhz", "ghz"}

# After "on": "on 42 minutes" is a match time in sport
# Nouns counted with plural form not ending in -s, or singular-looking collective nouns
IRREGULAR_PLURALS = {
    "people", "men", "women", "children", "police", "staff", "personnel", "cattle", "sheep", "fish",
    "crew", "teeth", "feet", "mice", "geese", "data", "media", "deer", "livestock", "youth",
    "clergy", "militia", "infantry", "aircraft", "offspring", "poultry", "folk", "swine",
    "head", "strong", "percent", "police", "militia", "troops",
}
# Capitalised words ending in -s that are names, not plural nouns ("eight Las Vegas resorts")
PROPER_NOT_PLURAL = {"las", "vegas", "texas", "paris", "wales", "athens", "brussels", "kansas", "arkansas",
                     "angeles", "philippines", "netherlands", "news", "times", "games", "olympics", "commons",
                     "lords", "states", "nations", "emirates", "airways", "airlines", "records", "studios",
                     "pictures", "sports", "industries", "holdings", "systems", "networks", "communications",
                     "brothers", "bros", "jones", "williams", "adams", "evans", "davies", "harris", "roberts",
                     "thomas", "james", "charles", "lewis", "edwards", "phillips", "hughes", "ross", "mrs", "ms",
                     "illinois", "massachusetts", "us", "yes", "mavericks", "rangers", "celtics", "lakers"}
# A singular head accepted after "one" ("one person was killed", "one soldier")
PERSON_NOUNS = {
    "person", "man", "woman", "child", "boy", "girl", "baby", "soldier", "civilian", "officer",
    "policeman", "policewoman", "worker", "student", "member", "player", "passenger", "victim",
    "resident", "protester", "demonstrator", "journalist", "reporter", "hostage", "prisoner",
    "suspect", "militant", "fighter", "rebel", "citizen", "teenager", "pupil", "patient", "doctor",
    "nurse", "teacher", "employee", "voter", "delegate", "seat", "vote", "goal", "run",
    "wicket", "try", "medal", "title", "company", "firm", "bank", "country", "nation", "state",
    "family", "house", "home", "building", "vehicle", "car", "plane", "ship", "boat", "job",
    "percent", "tourist", "pilgrim", "migrant", "refugee", "marine", "sailor", "policeman", "guard",
    "bomber", "gunman", "attacker", "pilot", "minister", "official", "senator", "candidate",
}
# Words that end a counted noun phrase
NP_STOP = set("""
a an the this that these those their his her its our your my some any each every no all both either
neither of in on at by for with from to into onto over under about after before since during until
than as per via against among between without within through across toward towards around near
and or but nor yet so if when while because although though whether where which who whom whose what
is are was were be been being am has have had do does did will would shall should can could may might
must not n't also only just still even ever again already more most less least very too quite rather
up down out off away back then there here now today yesterday tomorrow ago later earlier
he she it they we you i me him them us one ones
said says say told according including includes included compared mostly mainly
last next first second third old such same other another own
""".split())
# An "-ing"/"-ed" word ending the phrase is a verb, not part of the counted noun,
# unless it is one of these nouns/adjectives
ING_ED_NOUNS = {"buildings", "beings", "earnings", "savings", "holdings", "meetings", "hearings",
                "killings", "bombings", "shootings", "warnings", "findings", "proceedings",
                "dwellings", "settings", "ratings", "rankings", "listings", "sightings", "offerings",
                "recordings", "readings", "screenings", "feelings", "ceilings", "weddings",
                "armed", "wounded", "injured", "dead", "displaced", "detained", "red", "based",
                "related", "registered", "qualified", "skilled", "unemployed", "employed",
                "disabled", "elected", "listed", "trained", "retired", "married", "aged", "used",
                "united", "bed", "shed", "sled", "hundred", "infrared", "speed"}
# Words ending in "s" that are not plural nouns
NOT_PLURAL = {"this", "his", "its", "was", "is", "has", "does", "us", "as", "thus", "plus", "less",
              "unless", "across", "always", "perhaps", "sometimes", "news", "series", "species",
              "whereas", "yes", "afterwards", "towards", "besides", "alias", "bus", "gas", "bonus",
              "status", "census", "campus", "virus", "focus", "consensus", "corpus", "analysis",
              "crisis", "basis", "thesis", "emphasis", "diagnosis", "physics", "economics",
              "politics", "athletics", "mathematics", "chaos", "lens", "canvas", "atlas", "ethos",
              "nexus", "onus", "stimulus", "surplus", "apparatus", "previous", "various", "serious",
              "famous", "numerous", "anonymous", "enormous", "generous", "dangerous", "nervous",
              "obvious", "jealous", "tremendous", "ambitious", "religious", "whose", "overseas",
              "nevertheless", "regardless", "doubtless", "says", "goes", "makes", "takes", "gives",
              "comes", "means", "seems", "remains", "needs", "wants", "gets", "puts", "sees", "knows",
              "thinks", "looks", "shows", "tells", "uses", "leaves", "becomes", "includes", "expects",
              "plans", "hopes", "believes", "calls", "adds", "reports", "claims", "accounts", "rises",
              "falls", "grows", "owns", "employs", "represents", "costs", "lasts", "runs", "wins",
              "kills", "holds", "faces", "lives", "works", "pays", "buys", "sells", "sits", "stands",
              "measures", "weighs", "ranks", "totals", "equals", "exceeds", "involves", "affects"}
# Capitalised words after which a bare number is not a quantity ("Channel 4", "Windows 95")
# are found by rule; these lower-case words introduce a label, not a quantity
LABEL_WORDS = {"page", "pages", "section", "chapter", "article", "clause", "paragraph", "number",
               "no", "no.", "nos", "route", "flight", "room", "platform", "gate", "level", "grade",
               "version", "size", "rule", "exhibit", "amendment", "channel", "radio", "tier", "zone",
               "line", "terminal", "lot", "division", "part", "figure", "table", "ward", "district",
               "category", "class", "type", "model", "series", "vol", "volume", "pp", "p.", "issue",
               "episode", "season", "stage", "round", "week", "day", "game", "match", "hole",
               "bus", "band", "track", "interstate", "highway", "box", "code", "pin", "id",
               "apartment", "suite", "floor", "unit", "block", "phase", "step", "ranked", "rank",
               "top", "no1", "formula", "world", "proposition", "prop", "resolution", "bill",
               "gen", "generation", "mark", "mk", "uefa", "fifa"}
# Words that, before a "N-M" pair, make it a score
SCORE_WORDS = {"won", "win", "wins", "beat", "beats", "beaten", "lost", "lose", "loses", "drew", "draw",
               "draws", "drawn", "lead", "leads", "led", "trail", "trailed", "trailing", "victory",
               "defeat", "defeated", "thrashed", "edged", "score", "scoreline", "margin", "vote",
               "voted", "ruling", "decision", "split"}
SCORE_AFTER = {"win", "victory", "defeat", "lead", "draw", "loss", "scoreline", "home", "away",
               "success", "triumph", "thrashing", "drubbing", "reverse", "majority", "decision",
               "vote", "ruling", "split", "aggregate", "advantage", "deficit", "margin", "and", "in",
               "at", "to", "on", "after", "over", "against", "with", "for"}

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday"}

# Predicates: verbs (and adjectives) that say what happened to the counted things
PREDICATES = {
    "killed", "kill", "kills", "killing", "died", "die", "dies", "dead", "wounded", "injured", "hurt",
    "detained", "arrested", "held", "holding", "captured", "kidnapped", "abducted", "missing",
    "displaced", "evacuated", "rescued", "freed", "released", "deported", "fled", "executed",
    "murdered", "massacred", "slaughtered", "shot", "stabbed", "jailed", "imprisoned", "sentenced",
    "convicted", "charged", "fined", "sacked", "fired", "laid", "cut", "cuts", "axed", "hired",
    "employed", "employs", "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls",
    "fallen", "falling", "jumped", "jump", "jumps", "dropped", "drop", "drops", "grew", "grow", "grows",
    "grown", "increased", "increase", "increases", "decreased", "declined", "decline", "declines",
    "slumped", "slid", "climbed", "soared", "surged", "plunged", "tumbled", "gained", "lost", "lose",
    "raised", "raise", "paid", "pay", "pays", "spent", "spend", "spends", "earned", "earn", "earns",
    "sold", "sell", "sells", "bought", "buy", "won", "win", "wins", "invested", "invest", "owns",
    "owned", "cost", "costs", "worth", "valued", "attended", "evacuate", "invaded", "protested",
    "demonstrated", "gathered", "marched", "voted", "signed", "received", "infected", "affected",
    "stranded", "homeless", "hospitalised", "hospitalized", "treated", "deployed", "sent",
    "recalled", "withdrawn", "withdrew", "left", "returned", "repatriated", "evacuated", "reached",
    "totalled", "totaled", "topped", "exceeded", "hit", "expected", "forecast", "estimated",
    "lasted", "served", "seized", "destroyed", "damaged", "burned", "built", "created", "shed",
    "lay", "scored", "polled", "backed", "support", "supported", "oppose", "opposed", "favour",
    "favor", "approve", "approved", "disapprove", "owe", "owes", "owed", "borrowed", "lent",
    "fined", "awarded", "offered", "bid", "pledged", "promised", "donated", "allocated", "budgeted",
    "saved", "save", "wasted", "claimed", "stole", "stolen", "smuggled", "trafficked",
    "furloughed", "slump", "slumps", "evacuated", "slipped", "eased", "edged", "advanced", "retreated", "shed", "added", "posted", "reported",
    "narrowed", "widened", "doubled", "tripled", "halved", "trimmed", "reduced", "boosted", "lifted",
    "deaths", "casualties", "injuries", "arrests", "dying", "hurting", "injuring", "wounding",
}
AUX = {"were", "was", "have", "has", "had", "are", "is", "been", "be", "being", "being", "got", "get",
       "reportedly", "reported", "allegedly", "also", "all", "now", "already", "since", "so", "far"}

# Attribution: reporting verbs
SAY_VERBS = {"said", "says", "say", "told", "tells", "claims", "claimed", "reported",
             "estimates", "estimated", "announced", "announces", "stated", "states",
             "added", "adds", "confirmed", "confirms", "revealed", "reveals", "showed", "shows", "found",
             "finds", "insisted", "insists", "noted", "notes", "warned", "warns",
             "predicted", "predicts", "calculated", "calculates",
             "suggests", "suggested", "indicated", "indicates", "wrote", "writes",
             "admitted", "admits", "disclosed", "discloses", "forecast", "forecasts"}
PRONOUN_SUBJECTS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "which", "who", "there"}
