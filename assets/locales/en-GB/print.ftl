# Words on printouts (PDFs and the HTML report). Shared words (roles, statuses, a persona's age)
# come from app.ftl.

print-month-1 = January
print-month-2 = February
print-month-3 = March
print-month-4 = April
print-month-5 = May
print-month-6 = June
print-month-7 = July
print-month-8 = August
print-month-9 = September
print-month-10 = October
print-month-11 = November
print-month-12 = December
print-date = { $day } { $month } { $year }
print-printed-on = Printed on { $date }
print-page = Page { $page } of { $total }

print-persona-cards = Persona cards
print-conditions = Long-term conditions
print-what-matters = What matters to me
print-living-situation = Living situation
print-family-and-friends = Family and friends
print-services-used = Services used
print-goals = Goals
print-worries = Worries
print-seldom-heard = Seldom heard
print-segment = Population segment

print-map-poster = System map
print-map-empty = This map has no nodes yet.
print-map-tile = Sheet { $row }–{ $column } of { $rows } × { $columns }
print-map-assembly = Glue the sheets edge to edge: overlap each sheet by { $overlap } mm along the marked strip.

print-journeys = Patient journeys
print-journey-of = The journey of { $persona }
print-journey-empty = No steps yet.
print-emotion = How it felt
print-failure-step = The system failed here
print-touchpoint = Touchpoint
print-service = Service
print-what-happened = What happened

print-vote-results = Vote results
print-round-turnout = { $voters } of { $present } people present voted
print-round-hidden = The results of this round have not been revealed yet.
print-round-no-dots = No dots yet.
print-dots = { $count ->
    [one] 1 dot
   *[other] { $count } dots
}
print-people = People with lived experience and carers
print-professionals = Professionals
print-others = Others and paper
print-tied = tied
print-top-priorities = Top priorities
print-rank = Rank

print-report = Workshop report
print-contents = Contents
print-agenda-as-run = Agenda as run
print-stage = Stage
print-planned = Planned
print-spent = Time taken
print-minutes = { $minutes } min
print-total = Total
print-status = Status
print-participants = Participants by role
print-participants-count = { $count ->
    [one] 1 participant, by pseudonym only.
   *[other] { $count } participants, by pseudonym only.
}
print-absent = absent
print-personas = Personas
print-system-map = The system map
print-failure-points = Failure points
print-severity = Severity { $severity } of 5
print-scenarios = Failure scenarios
print-impact = Impact
print-likelihood = Likelihood
print-not-scored = not scored
print-linked = Linked to
print-notes-by-theme = Notes by theme
print-no-theme = Not yet in a theme
print-priorities-and-actions = Priorities and actions
print-priorities = Priorities
print-actions = Actions
print-owner = Owner
print-due = Due
print-patient-contract = The patient contract
print-learning = What we learnt
print-evidence = Evidence of success
print-difficulties = Difficulties encountered
print-transfer = Potential for learning or transfer
print-none-yet = None yet.

print-worksheet-persona = Persona worksheet
print-worksheet-journey = Journey worksheet
print-worksheet-voting = Dot-voting sheet
print-your-name = Your pseudonym
print-name = Name
print-age = Age
print-voting-instructions = Put up to { $dots } dots in total, at most { $max } on any one item.
print-your-dots = Your dots
print-step = Step { $number }
print-emotion-scale = Very bad · Bad · Neutral · Good · Very good
print-map-summary = { $nodes ->
    [one] 1 node
   *[other] { $nodes } nodes
} · { $connections ->
    [one] 1 connection
   *[other] { $connections } connections
} · { $failures ->
    [one] 1 failure point
   *[other] { $failures } failure points
}
