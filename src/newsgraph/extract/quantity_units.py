"""Units: currencies (as ISO 4217 codes), percentages and units of measure.

Money is recorded with its ISO code as the unit ("$5 million" -> "USD"); a bare
"$" is read as US dollars, the usual meaning in English-language news.
Percentages get the unit "percent". Units of measure stay as written in the
record ("km"); ``MEASURE_UNITS`` gives their canonical name ("kilometre") for
comparisons, so that "11 km" and "11 kilometres" agree.
"""

from __future__ import annotations

PERCENT = "percent"

# Symbols written before the amount, with the letters that may be glued to them.
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₪": "ILS",
                    "₩": "KRW", "₽": "RUB", "₺": "TRY"}
DOLLAR_PREFIXES = {"us": "USD", "u.s.": "USD", "a": "AUD", "au": "AUD", "aud": "AUD", "c": "CAD",
                   "ca": "CAD", "can": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD", "r": "BRL",
                   "nt": "TWD", "m": "MXN"}
# Letter prefixes glued to the amount ("RM23.50", "Rs500").
GLUED_PREFIXES = {"RM": "MYR", "Rs": "INR", "Rp": "IDR", "Sh": "KES", "KSh": "KES"}
# Letter codes written before the amount ("USD 5", "EUR 10", "Rs 500").
CURRENCY_CODES = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
                  "rmb": "CNY", "inr": "INR", "rs": "INR", "chf": "CHF", "aud": "AUD",
                  "cad": "CAD", "hkd": "HKD", "nis": "ILS", "ils": "ILS", "sek": "SEK",
                  "nok": "NOK", "dkk": "DKK", "zar": "ZAR", "brl": "BRL", "krw": "KRW"}
# Currency names written after the amount; the adjective before "dollars" etc. picks the code.
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "shekel": "ILS",
    "shekels": "ILS", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "peso": "MXN", "pesos": "MXN", "won": "KRW", "lira": "TRY", "liras": "TRY", "rand": "ZAR",
    "naira": "NGN", "francs": "CHF", "franc": "CHF", "dirhams": "AED", "riyals": "SAR",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "crowns": "DKK",
    "sterling": "GBP", "hryvnia": "UAH", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR",
}
CURRENCY_ADJECTIVES = {
    ("australian",): "AUD", ("canadian",): "CAD", ("hong", "kong"): "HKD", ("us",): "USD",
    ("u.s.",): "USD", ("american",): "USD", ("new", "zealand"): "NZD", ("singapore",): "SGD",
    ("taiwan",): "TWD", ("danish",): "DKK", ("swedish",): "SEK", ("norwegian",): "NOK",
    ("czech",): "CZK", ("mexican",): "MXN", ("philippine",): "PHP", ("swiss",): "CHF",
    ("egyptian",): "EGP", ("indian",): "INR", ("pakistani",): "PKR", ("israeli",): "ILS",
    ("japanese",): "JPY", ("chinese",): "CNY", ("russian",): "RUB", ("turkish",): "TRY",
}
CURRENCY_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
    "NZD": "new zealand dollar", "SGD": "singapore dollar", "ILS": "shekel",
    "DKK": "danish krone", "MYR": "malaysian ringgit", "HRK": "croatian kuna",
    "SEK": "swedish krona", "NOK": "norwegian krone", "INR": "indian rupee",
    "CNY": "chinese yuan", "CHF": "swiss franc", "RUB": "russian ruble", "KRW": "south korean won",
}

# Units of measure: every written form -> canonical name. Lookups try the form
# as written first (so "mL" and "ml" may differ from "M"), then lowercased.
_MEASURES: dict[str, tuple[str, ...]] = {
    "mile": ("mile", "miles", "mi"), "kilometre": ("km", "kms", "kilometre", "kilometres",
                                                    "kilometer", "kilometers"),
    "metre": ("m", "metre", "metres", "meter", "meters"), "centimetre": ("cm", "centimetres",
                                                                      "centimeters", "centimetre"),
    "millimetre": ("mm", "millimetre", "millimetres", "millimeter", "millimeters"),
    "micrometre": ("μm", "µm", "micron", "microns", "micrometre", "micrometres"),
    "nanometre": ("nm", "nanometer", "nanometers", "nanometre", "nanometres"),
    "foot": ("ft", "foot", "feet"), "inch": ("in.", "inch", "inches"), "yard": ("yd", "yards", "yard"),
    "mile per hour": ("mph",), "kilometre per hour": ("km/h", "kph", "km/hr", "kmh"),
    "kilogram": ("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"),
    "gram": ("g", "gram", "grams", "gramme", "grammes"), "milligram": ("mg", "milligrams"),
    "pound-mass": ("lb", "lbs", "pound", "pounds"), "ounce": ("oz", "ounce", "ounces"),
    "tonne": ("tonne", "tonnes", "ton", "tons", "t"),
    "litre": ("l", "litre", "litres", "liter", "liters"), "millilitre": ("ml", "millilitre",
                                                                      "millilitres", "milliliters"),
    "gallon": ("gallon", "gallons", "gal"), "barrel": ("barrel", "barrels", "bbl"),
    "watt": ("w", "watt", "watts"), "kilowatt": ("kw", "kilowatt", "kilowatts"),
    "megawatt": ("mw", "megawatt", "megawatts"), "gigawatt": ("gw", "gigawatt", "gigawatts"),
    "kilowatt hour": ("kwh", "kilowatt-hour", "kilowatt-hours"), "megawatt hour": ("mwh",),
    "gigawatt hour": ("gwh",), "horsepower": ("hp", "horsepower", "ps"),
    "newton metre": ("nm",), "foot pound-force": ("lb-ft",), "volt": ("v", "volts"),
    "hertz": ("hz",), "kilohertz": ("khz",), "megahertz": ("mhz",), "gigahertz": ("ghz",),
    "gigabyte": ("gb", "gigabyte", "gigabytes"), "megabyte": ("mb", "megabytes"),
    "terabyte": ("tb", "terabyte", "terabytes"),
    "second": ("sec", "secs", "second", "seconds"), "minute": ("min", "mins", "minute",
                                                                     "minutes"),
    "hour": ("h", "hr", "hrs", "hour", "hours"), "day": ("day", "days"), "week": ("week", "weeks"),
    "month": ("month", "months"), "year": ("year", "years", "yr", "yrs"),
    "decade": ("decade", "decades"), "century": ("century", "centuries"),
    "millisecond": ("ms", "milliseconds"), "degree": ("degree", "degrees", "°"),
    "celsius": ("°c", "celsius", "c"), "fahrenheit": ("°f", "fahrenheit", "f"),
    "gigapascal": ("gpa", "gigapascals"), "decibel": ("db", "decibel", "decibels"),
    "revolutions per minute": ("rpm",), "acre": ("acre", "acres"), "hectare": ("ha", "hectare",
                                                                               "hectares"),
    "square metre": ("m2", "sqm", "m²", "sq m", "square metres", "square meters"),
    "square kilometre": ("km2", "km²"),
    "basis point": ("bps", "bp", "basis point", "basis points"), "mile per gallon": ("mpg",),
    "brake horsepower": ("bhp",), "milliampere-hour": ("mah",), "parts-per-billion": ("ppb",),
    "parts-per-million": ("ppm",), "celsius ": ("degrees celsius", "degree celsius"),
    "fahrenheit ": ("degrees fahrenheit", "degree fahrenheit"),
    "cent": ("cent", "cents", "c"), "pence": ("p", "pence"),
}
MEASURE_UNITS: dict[str, str] = {}
for _name, _forms in _MEASURES.items():
    for _form in _forms:
        MEASURE_UNITS.setdefault(_form, _name.strip())
# Written forms whose case decides the unit ("Nm" torque, "nm" length).
CASED_UNITS = {"Nm": "newton metre", "nm": "nanometre", "MW": "megawatt", "mW": "milliwatt"}
# Forms that only count as a unit when glued to the digits ("10kW", "5m") because
# as separate words they are ordinary words or initials ("5 in", "a 6 A").
GLUED_ONLY = {"m", "in.", "s", "h", "t", "l", "w", "v", "c", "f", "g", "p", "mi", "ft", "hr",
              "ps", "nm", "ha", "bp", "gal", "min", "sec", "yr", "db"}


def measure_unit(form: str, glued: bool) -> str | None:
    """Canonical unit name for ``form`` or None; short forms only when glued to the digits."""
    if form in CASED_UNITS:
        return CASED_UNITS[form]
    key = form.lower()
    if key not in MEASURE_UNITS:
        return None
    if key in GLUED_ONLY and not glued:
        return None
    return MEASURE_UNITS[key]


def currency_name(code: str) -> str:
    return CURRENCY_NAMES.get(code, code.lower())
