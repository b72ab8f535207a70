# Ord på utskrifter (PDF och HTML-rapporten). Gemensamma ord (roller, status, personans ålder)
# kommer från app.ftl.

print-month-1 = januari
print-month-2 = februari
print-month-3 = mars
print-month-4 = april
print-month-5 = maj
print-month-6 = juni
print-month-7 = juli
print-month-8 = augusti
print-month-9 = september
print-month-10 = oktober
print-month-11 = november
print-month-12 = december
print-date = { $day } { $month } { $year }
print-printed-on = Utskriven { $date }
print-page = Sida { $page } av { $total }

print-persona-cards = Personakort
print-conditions = Långvariga sjukdomar
print-what-matters = Det här är viktigt för mig
print-living-situation = Boende
print-family-and-friends = Familj och vänner
print-services-used = Tjänster som används
print-goals = Mål
print-worries = Oro
print-seldom-heard = Sällan hörd
print-segment = Befolkningsgrupp

print-map-poster = Systemkarta
print-map-empty = Kartan har inga noder än.
print-map-tile = Ark { $row }–{ $column } av { $rows } × { $columns }
print-map-assembly = Limma arken kant i kant: låt varje ark överlappa { $overlap } mm längs den markerade remsan.

print-journeys = Patientresor
print-journey-of = { $persona }s resa
print-journey-empty = Inga steg än.
print-emotion = Hur det kändes
print-failure-step = Systemet brast här
print-touchpoint = Kontaktpunkt
print-service = Tjänst
print-what-happened = Vad som hände

print-vote-results = Röstresultat
print-round-turnout = { $voters } av { $present } närvarande röstade
print-round-hidden = Resultatet i den här omgången har inte visats än.
print-round-no-dots = Inga prickar än.
print-dots = { $count ->
    [one] 1 prick
   *[other] { $count } prickar
}
print-people = Personer med egen erfarenhet och närstående
print-professionals = Yrkesverksamma
print-others = Övriga och papper
print-tied = delad plats
print-top-priorities = Högsta prioriteringar
print-rank = Plats

print-report = Workshoprapport
print-contents = Innehåll
print-agenda-as-run = Agendan som den blev
print-stage = Steg
print-planned = Planerat
print-spent = Tid som gick
print-minutes = { $minutes } min
print-total = Totalt
print-status = Status
print-participants = Deltagare efter roll
print-participants-count = { $count ->
    [one] 1 deltagare, endast med pseudonym.
   *[other] { $count } deltagare, endast med pseudonym.
}
print-absent = frånvarande
print-personas = Personor
print-system-map = Systemkartan
print-failure-points = Brister
print-severity = Allvar { $severity } av 5
print-scenarios = Felscenarier
print-impact = Påverkan
print-likelihood = Sannolikhet
print-not-scored = inte bedömd
print-linked = Kopplat till
print-notes-by-theme = Lappar efter tema
print-no-theme = Ännu inte i något tema
print-priorities-and-actions = Prioriteringar och åtgärder
print-priorities = Prioriteringar
print-actions = Åtgärder
print-owner = Ansvarig
print-due = Klart senast
print-patient-contract = Patientkontraktet
print-learning = Vad vi lärde oss
print-evidence = Belägg för framgång
print-difficulties = Svårigheter
print-transfer = Möjlighet att lära av eller föra vidare
print-none-yet = Inget än.

print-worksheet-persona = Arbetsblad: persona
print-worksheet-journey = Arbetsblad: resa
print-worksheet-voting = Röstblad för prickröstning
print-your-name = Din pseudonym
print-name = Namn
print-age = Ålder
print-voting-instructions = Sätt högst { $dots } prickar totalt, högst { $max } på en och samma punkt.
print-your-dots = Dina prickar
print-step = Steg { $number }
print-emotion-scale = Mycket dåligt · Dåligt · Neutralt · Bra · Mycket bra
print-map-summary = { $nodes ->
    [one] 1 nod
   *[other] { $nodes } noder
} · { $connections ->
    [one] 1 koppling
   *[other] { $connections } kopplingar
} · { $failures ->
    [one] 1 brist
   *[other] { $failures } brister
}
