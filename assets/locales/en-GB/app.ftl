# SysteMatic Workshop: every word the app shows, in British English (the source locale).
# Add a language by copying this file to assets/locales/<lang>/app.ftl and translating the values.

app-name = SysteMatic Workshop
app-tagline = Co-design workshops for health and care
save-state-saved = All changes saved
save-state-saving = Saving…
save-state-failed = Not saved:

## Home screen
home-title = Your workshops
home-empty = No workshops yet. Start a new one, or look round the demo workshop first.
home-new-workshop = New workshop
home-open-demo = Open demo workshop
home-demo-hint = “What matters for Esther?” — a workshop with Esther and her family, ready to explore.
home-data-folder = Workshops are kept in { $path }
home-loading = Loading…
workshop-opening = Opening the workshop…
home-try-again = Try again
workshop-list-personas = { $count ->
    [0] No personas yet
    [one] 1 persona
   *[other] { $count } personas
}
workshop-list-changed = Last changed { $when }
workshop-list-open = Open
# Shown on the home screen before anything else is opened, so kept in its section (read first).
session-open = Open session file…
session-open-with-passphrase = Open
session-passphrase-intro = This session file is protected with a passphrase. Type it to open the file.
laptop-setup-title = What is this laptop called?
laptop-setup-intro = Give this laptop a name everyone in the room will recognise, such as “Table 2” or “Voting laptop”. It is written on every change made here, so after merging you can see which table wrote what.
laptop-setup-placeholder = Table 2
laptop-setup-save = Save name
workshop-protected = Protected
language = Language
passphrase-checking = Checking…
passphrase-label = Passphrase

## New workshop form
new-workshop-title = New workshop
new-workshop-create = Create workshop
cancel = Cancel
field-title = Title
field-date = Date
field-venue = Venue
field-facilitator = Facilitator
field-title-hint = For example “Leaving hospital: what matters for Esther?”
field-venue-hint = For example “St Anne's church hall”

## Workshop page
workshop-back = All workshops
workshop-facilitated-by = Facilitated by { $name }
personas-title = Personas
personas-intro = Who are we designing with? Start from what matters to them.
personas-empty = No personas yet. Add the first one: what matters to them?
persona-add = Add persona
persona-edit = Edit
persona-save = Save persona
persona-new-title = New persona
persona-edit-title = Edit { $name }
field-name = Name
field-age = Age
field-living_situation = Living situation
field-conditions = Long-term conditions
field-conditions-hint = One per line
field-what_matters = What matters to me
field-quote = In their own words
field-personas = Personas
persona-age = { $age } years old
persona-conditions = Long-term conditions
persona-what-matters = What matters to me
persona-living = Living situation
persona-prompts = Ask them: What matters to you? What makes a good day? What gets in the way?
saved = All changes saved

## Errors: every message says what happened and what to do.
error-field-required = { $field } is needed. Please fill it in.
error-field-too-long = { $field } can be at most { $max } characters. Please shorten it.
error-field-too-many = { $field } can have at most { $max } entries.
error-field-out-of-range = { $field } must be a number from { $min } to { $max }.
error-data-folder-read-only = Workshops cannot be saved in { $path } because it is read-only (a locked USB stick or a protected folder?). Choose another folder with SYSTEMATIC_DATA_DIR, or make this one writable, then try again.
error-data-folder-not-a-folder = Workshops cannot be saved in { $path } because it, or a folder above it, is a file rather than a folder. Move the file away or choose another folder with SYSTEMATIC_DATA_DIR.
error-data-folder-full = Workshops cannot be saved in { $path } because the disk is full. Free some space, then try again. Nothing already saved has been lost.
error-data-folder-unusable = Workshops cannot be saved in { $path }: { $detail }
error-workshop-not-found = This workshop is not on this laptop any more.
error-persona-not-found = This persona has been removed.
error-template-not-found = There is no method template called “{ $name }” in this version of the app. Pick another one.
error-workshop-damaged = This workshop's saved data is damaged and cannot be opened. It has been kept as it is; nothing was deleted.
error-workshop-too-new = This workshop was saved by a newer version of SysteMatic Workshop. Please update the app on this laptop to open it.
error-storage = Your change could not be saved: { $detail }. Nothing already saved has been lost.
error-internal = Something went wrong inside the app ({ $detail }). Please try again.
error-data-folder-missing = The folder { $path } does not exist. If it is on a USB stick, plug the stick in; otherwise create the folder or choose another with SYSTEMATIC_DATA_DIR. Nothing has been saved anywhere else instead.
error-database-damaged = The workshop database { $path } is damaged and cannot be opened. It has been left exactly as it is. Keep a copy of it, and choose another folder with SYSTEMATIC_DATA_DIR to carry on.
error-database-too-new = The workshop database { $path } was last used by a newer version of SysteMatic Workshop. Please update the app on this laptop to open it.
error-unknown-kind = There is no kind of item called “{ $kind }”.
error-unknown-field = A { $kind } has no field called “{ $field }”.
error-wrong-type = { $field } must be { $expected }.
error-not-a-choice = { $field } cannot be “{ $value }”. Please pick one of the choices offered.
error-bad-date = { $field } must be a date such as 2026-03-01, not “{ $value }”.
error-bad-id = “{ $id }” cannot be used as an id: use 1 to 64 letters, digits, hyphens or underscores.
error-item-not-found = This { $kind } is not in the workshop any more (it may have been deleted on another laptop).
error-id-taken = The id “{ $id }” is already used in this workshop.
error-bad-reference = { $field } points at something that is not in this workshop.
error-too-many-items = A workshop can hold at most { $max } of these ({ $kind }).
error-round-closed = This vote round is closed. Reopen it to take more votes.
error-not-a-candidate = That is not one of the things this vote round is voting on.
error-no-dots-left = This participant has used all their dots in this vote round.
error-bad-position = The text edit points past the end of the text ({ $length } characters).
error-not-a-session-file = This is not a SysteMatic Workshop session file. Session files end in .systematic.
error-session-too-new = This session file was saved by a newer version of SysteMatic Workshop (file format { $version }). Please update the app on this laptop to open it.
error-session-damaged = This session file is damaged and cannot be read ({ $detail }). Nothing on this laptop was changed. Ask for a fresh copy from the laptop that saved it.
error-session-too-large = This file is { $megabytes } MB, larger than any workshop session file can be (at most { $max_megabytes } MB), so it was not opened. Nothing on this laptop was changed.
error-session-read = The file { $path } could not be read: { $detail }. Is the USB stick still plugged in?
error-session-write = The session file { $path } could not be written: { $detail }. Any earlier file there is unchanged.
error-session-write-full = The session file { $path } could not be written because the disk is full. Any earlier file there is unchanged; free some space or choose another place.
error-session-write-read-only = The session file { $path } could not be written because the place is read-only (a locked USB stick?). Any earlier file there is unchanged; choose another place.
error-export-write = The file could not be saved as { $path }: { $detail }. Any earlier file there is unchanged.
error-export-write-full = The file could not be saved as { $path } because the disk is full. Any earlier file there is unchanged; free some space or choose another place.
error-export-write-read-only = The file could not be saved as { $path } because the place is read-only (a locked USB stick?). Any earlier file there is unchanged; choose another place.
error-merge-different-workshops = These files are from different workshops: { $files }. If two laptops each started the same workshop before sharing a file, you can merge them anyway.
error-merge-failed = The files could not be merged: { $detail }. Nothing on this laptop was changed.
error-session-already-here = The workshop “{ $title }” is already on this laptop. Open it and use “Merge session files” to bring this file's changes in.
error-version-not-found = That version is not in this workshop's history.
error-backup-not-found = That backup is no longer in this workshop's backup folder.
error-workshop-locked = This workshop is protected with a passphrase. Type the passphrase to open it.
error-workshop-already-protected = This workshop is already protected with a passphrase.
error-workshop-not-protected = This workshop is not protected with a passphrase.
error-passphrase-too-short = The passphrase must be at least { $min } characters long. A few words you will remember work well.
error-wrong-passphrase = That passphrase does not open this workshop. Nothing was changed; check Caps Lock and try again.
error-session-needs-passphrase = This session file is protected with a passphrase. Type the passphrase it was saved with.
error-session-wrong-passphrase = That passphrase does not open this session file. Nothing was changed; try again.
error-session-not-passphrase = This file was encrypted for someone's key, not with a passphrase, so this app cannot open it.
error-session-passphrase-too-costly = This file's protection needs more memory to open than this app allows. Ask for it to be saved again from SysteMatic Workshop.
field-laptop_name = Laptop name
session-bar-label = Workshop actions
undo = Undo
redo = Redo
session-save = Save session file…
session-merge = Merge session files…
session-merge-anyway = Merge anyway
session-saved = Saved to { $path }. Take this file to the laptop that merges the sessions.
history-show = History
history-title = History
history-intro = Every change to this workshop, newest first, with the laptop it was made on. Restoring an earlier version adds a new change; nothing is ever erased.
history-restore = Restore this version
backups-title = Backups
backups-intro = This laptop keeps a copy of the workshop every ten minutes while you work, and before every merge or restore; the newest twelve are kept in the data folder. Restoring one adds a new change, which Undo takes back.
backups-none = No backups yet: the first is taken with the first change.
backups-size = { $kilobytes } KB
backups-restore = Restore this backup
passphrase-again-label = Type the passphrase again
passphrase-mismatch = The two passphrases are not the same. Type them again.
passphrase-warning = Write the passphrase down and keep it somewhere safe, away from the laptop. If it is forgotten, nobody can open this again — not even the makers of the app.
unlock-title = This workshop is protected
unlock-intro = Type its passphrase to open it. It stays open until you lock it or close the app.
unlock-submit = Unlock
protection-open = Passphrase…
protection-open-on = Protected…
protection-title = Passphrase protection
protection-intro = Protect this workshop with a passphrase. It is then kept encrypted on this laptop, with its backups and people's real names, and opens only with the passphrase: whoever finds the laptop or its disk cannot read it. The home screen still shows its title, date and venue.
protection-protect = Protect this workshop
protection-on = This workshop is protected with a passphrase and kept encrypted on this laptop. It is unlocked until you lock it or close the app.
protection-lock = Lock now
protection-remove-intro = To keep it unencrypted again, type its passphrase.
protection-remove = Remove protection
session-save-protected = Save protected…
session-protect-intro = The session file will be encrypted with this passphrase. Give the passphrase to whoever opens the file in person or by phone, never on the same stick or in the same email.
session-protect-choose = Choose where to save
session-merge-with-passphrase = Merge
conflict-from = from { $laptop }, { $when }
conflict-keep = Keep this
conflict-settled = Kept “{ $value }”. Every laptop will see this value after the next merge.
conflict-empty = (empty)
yes = Yes
no = No
none = none
close = Close
merge-report-title = What the merge brought together
merge-forced = These files came from different workshops and were merged on purpose. This workshop keeps its own name and id.
merge-files = Files
merge-file-summary = { $changes ->
        [one] 1 change
       *[other] { $changes } changes
    } not in every file, from { $laptops }; { $participants ->
        [one] 1 new participant
       *[other] { $participants } new participants
    }
merge-items = Items
merge-added = Added
merge-changed = Changed
merge-deleted = Deleted
merge-conflicts = Conflicts to settle: { $count }
merge-conflicts-intro = The same thing was set differently on two laptops. Both values are kept until you choose one.
merge-texts = Texts written on several laptops: { $count }
merge-text-edited = { $field } of “{ $item }” was edited in { $files }. The edits were merged letter by letter; please read it through.
merge-deletes = Deleted on one laptop while edited on another: { $count }
merge-deleted-edited = “{ $item }” was deleted in { $deleted } but edited in { $edited }. It stays deleted; restore an earlier version from History to bring it back.
merge-votes = Votes not counted: { $count }
merge-vote-over = { $participant } had used all their dots in “{ $round }”; one more dot from { $laptop } was not counted.
kind-stage = Agenda stage
kind-participant = Participant
kind-persona = Persona
kind-journey = Journey
kind-journey_step = Journey step
kind-node = Map node
kind-connection = Connection
kind-failure_point = Failure point
kind-scenario = Failure scenario
kind-note = Note
kind-theme = Theme
kind-vote_round = Vote round
kind-vote = Vote
kind-priority = Priority
kind-action = Action
kind-contract_statement = Patient contract statement
kind-learning_record = Learning record
field-dates = Dates
field-facilitators = Facilitators
field-method = Method
field-id = Workshop id
field-deleted = Deleted
field-goal = Goal
field-planned_minutes = Planned minutes
field-status = Status
field-order = Order
field-pseudonym = Pseudonym
field-role = Role
field-group = Working group
field-consent_to_quote = Consent to quote
field-segment = Population segment
field-goals = Goals
field-worries = Worries
field-family_and_friends = Family and friends
field-services_used = Services used
field-seldom_heard = Seldom heard
field-portrait = Portrait
field-persona = Persona
field-journey = Journey
field-touchpoint = Touchpoint
field-service = Service
field-what_happened = What happened
field-emotion = Feeling
field-failure = Failure
field-notes = Notes
field-kind = Kind
field-level = Level
field-label = Label
field-pinned = Pinned
field-x = Position across
field-y = Position down
field-from = From
field-to = To
field-polarity = Effect
field-delay = Delay
field-on = Where
field-description = Description
field-severity = Severity
field-raised_by = Raised by
field-narrative = Narrative
field-links = Linked to
field-impact = Impact
field-likelihood = Likelihood
field-text = Text
field-colour = Colour
field-stage = Stage
field-theme = Theme
field-question = Question
field-candidates = Choices
field-dots_per_person = Dots per person
field-max_per_item = Most dots on one choice
field-hidden_until_reveal = Hidden until reveal
field-revealed = Revealed
field-round = Vote round
field-participant = Participant
field-item = Choice
field-laptop = Laptop
field-time = Time
field-vote_round = Vote round
field-owner = Owner
field-due = Due
field-priority = Priority
field-evidence_of_success = Evidence of success
field-difficulties = Difficulties encountered
field-potential_for_transfer = Potential for learning or transfer
field-segment-hint = Who they stand for, e.g. “older people living alone”
field-seldom_heard-hint = From a group services seldom hear from
persona-seldom-heard = Seldom heard
portrait-none = No picture
portrait-heather = Heather
portrait-oak = Oak tree
portrait-swallow = Swallow
portrait-lighthouse = Lighthouse
portrait-teapot = Teapot
portrait-bicycle = Bicycle
portrait-garden = Garden
portrait-harbour = Harbour

## System map (issue 5)
map-title = System map
map-intro = How services, organisations, people and conditions connect around a persona, and where the system lets people down.
map-toolbar = Map tools
map-canvas-label = System map. Tab moves between nodes; N adds a node; arrow keys pan or move the selected nodes.
map-add-node = Add node
map-add-node-hint = Or double-click the map, or press N
map-new-node-label = Type the node's name, then Enter
map-layout = Tidy layout
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-fit = Fit to screen
map-failures-only = Failures only
map-level-all = All levels
map-level-none = No level
map-list-view = List view
map-analysis = Analysis
map-empty = The map is empty. Double-click anywhere, or press N, to add the first node.
map-keyboard-help = Keys: N new node · Delete removes · Ctrl+D duplicates · arrows pan (or move what is selected) · + and − zoom · F fits · Ctrl+Z undo · Shift-click or Shift-drag selects several.
map-legend = Legend
map-legend-positive = the next one moves the same way
map-legend-negative = the next one moves the other way
map-legend-delay = a delay before the effect shows
map-legend-failure = a failure point
map-overview = Overview of the whole map; click to move there
map-connect-drag = Drag from here to another node to connect them
map-inspector-empty = Select a node or a connection to see and edit its details.
map-selected-count = { $count } selected
map-node-details = Node
map-connection-details = Connection
map-save = Save
map-duplicate = Duplicate
map-delete = Delete
map-downstream = What is affected if this fails?
map-pinned = Pinned (tidy layout leaves it where it is)
map-links = Linked to
map-jump = Go there
map-connect-to = Connect to another node
map-connect-choose = Choose a node…
map-connect = Connect
map-delay = Delay
map-failures = Failure points
map-failure-description = Where the system fails people here
map-failure-add = Mark failure point
map-severity-value = severity { $severity } of 5
map-list-nodes = Nodes
map-list-connections = Connections
node-kind-service = Service
node-kind-organisation = Organisation
node-kind-person_role = Person or role
node-kind-persona = Persona
node-kind-condition = Condition
node-kind-resource = Resource
node-kind-factor = Factor
level-micro = Micro (the person and their care)
level-meso = Meso (services and organisations)
level-macro = Macro (policy and the wider system)
polarity-positive = Same way (+)
polarity-negative = Other way (−)
polarity-unknown = Not agreed yet (?)
analysis-working = Working it out…
analysis-clear = Clear highlight
analysis-loops = Feedback loops: { $count }
analysis-loops-capped = The map has more loops than this; only the first { $cap } are listed.
analysis-loop-reinforcing = Reinforcing
analysis-loop-balancing = Balancing
analysis-loop-unclear = Unclear
analysis-single-points = Single points of failure
analysis-no-single-points = None: every part of the map has another route.
analysis-if-goes = If { $name } goes:
analysis-if-link-goes = If the link { $from } — { $to } goes:
analysis-splits-map = the map splits in two, though no persona loses a service by it.
analysis-loses-route = { $persona } loses the route to { $services }
analysis-most-central = Most routes pass through
analysis-central-detail = { $degree } links ({ $in } in, { $out } out); on { $percent }% of the shortest routes between other parts of the map
analysis-persona-reach = What each persona can reach
analysis-no-personas = Add a node of kind Persona to see which services it can reach.
analysis-reaches = { $count } services: { $services }
analysis-reaches-nothing = no services yet
play-title = Loop play
play-pick-node = Select one node, then nudge it to watch the change travel along the arrows.
play-up = Nudge up
play-down = Nudge down
play-stop = Stop
play-reinforcing = The change came back the same way: a reinforcing loop, it feeds on itself.
play-balancing = The change came back the other way: a balancing loop, it pushes back.
play-unclear = The change came back, but an arrow's + or − is not agreed, so which way is unclear.
play-no-loop = The change spread and stopped: it did not come back round a loop.
error-map-file = The map file could not be read: { $detail }. Nothing was imported; fix the file and try again.
error-map-export = Sorry, { $detail }. Try another format, or restart the app and try again.
error-map-format = “{ $format }” is not a map format this app can write.
error-map-file-unrecognised = { $file } is not a map file this app can read. It reads Kumu JSON (.json), CSV (nodes.csv and connections.csv), GraphML (.graphml), JSON Canvas (.canvas) and Graphviz DOT (.dot).
map-files = Map files
map-import = Import a map…
map-export-as = Export as
map-export = Export…
map-imported = Imported. The map now has { $count } nodes; the new ones are selected.
map-exported = Saved { $files }.
map-format-png = Picture for a poster (PNG)
map-format-svg = Picture for slides (SVG)
map-format-kumu = Kumu (JSON)
map-format-csv = Spreadsheet (nodes and connections CSV)
map-format-graphml = GraphML (Gephi, yEd)
map-format-json_canvas = JSON Canvas (Obsidian)
map-format-dot = Graphviz (DOT)

## Fields added for live facilitation (merge report and conflict choices)
field-template = Method template
field-locale = Language of the template
field-started_at = Timer started
field-spent_ms = Time spent
field-extra_minutes = Minutes added
field-absent = Absent
field-paper = From a paper sheet
field-dots = Dots
field-answers = Answers the contract statement
field-template-hint = The agenda the workshop starts with; every stage can be changed afterwards.

## Words used in several places
save = Save
edit = Edit
remove = Remove
minutes = { $minutes } min

## The workshop's tabs
tabs-label = Parts of the workshop
tab-agenda = Agenda
tab-people = People
tab-personas = Personas
tab-map = System map
tab-notes = Notes
tab-voting = Dot-voting
tab-priorities = Priorities and actions

## The current stage and its timer
stage-bar-label = Current stage and timer
stage-none = The agenda has no stage left to run. Add one under Agenda.
stage-count = Stage { $number } of { $count }
stage-clock-label = Time left in this stage
stage-time-up = Time is up for this stage. Finish the thought, then move on or add a minute.
timer-start = Start timer
timer-pause = Pause
timer-add-minute = +1 minute
stage-next = Next stage

## Agenda
agenda-title = Agenda
stage-status-planned = Planned
stage-status-running = Now
stage-status-done = Done
stage-status-skipped = Skipped
stage-planned = { $minutes } min planned
stage-spent = { $time } spent
stage-start = Start this stage
stage-name = Stage name
stage-question = Opening question
stage-minutes = Minutes
stage-new-name = New stage
stage-add = Add stage

## Participants
participants-title = People
participants-intro = Add everyone taking part by a first name or a pseudonym they choose. Real names and contact details never go into the workshop file.
participants-empty = Nobody has been added yet.
participant-pseudonym = Name or pseudonym
participant-pseudonym-hint = For example “Ann” or “Table 3 carer”
participant-role = Role
participant-group = Working group
participant-consent = Happy to be quoted
participant-absent = Absent today
participant-add = Add person
role-none = No role given
role-lived-experience = Person with lived experience
role-carer = Carer
role-lay-partner = Lay partner
role-clinician = Clinician
role-social-care = Social care
role-voluntary-sector = Voluntary sector
role-commissioner = Commissioner
role-manager = Manager
role-facilitator = Facilitator
role-other = Other

## Built-in personas
persona-built-in = Copy a ready-made persona
persona-built-in-pick = Choose…
persona-built-in-copy = Copy in

## Notes and themes
notes-title = Notes
note-text = Note
note-text-hint = Type what was said and press Enter
note-colour = Colour
note-author = Whose idea
note-author-none = Not said
note-add = Add note
note-theme = Theme
note-remove = Remove note
notes-unsorted = Not sorted yet
theme-new = New theme
theme-add = Add theme
theme-rename = Theme name
notes-stage = Show notes from
notes-stage-all = Every stage
notes-colour-by = Colour notes by
notes-colour-by-note = Their own colour
notes-colour-by-role = Role
notes-colour-by-table = Table (laptop)
colour-yellow = Yellow
colour-pink = Pink
colour-blue = Blue
colour-green = Green
colour-orange = Orange

## Dot-voting
voting-title = Dot-voting
voting-intro = Everyone places their dots on what matters most. Results stay hidden until you reveal them, unless the round is live.
round-new = New vote round
round-question = Question
round-question-hint = For example “Which failures should we work on first?”
round-candidates = What people vote on
round-candidates-empty = Nothing to vote on yet: add failure points on the map, notes or themes first.
round-dots = Dots per person
round-per-item = Most dots on one item
round-hidden = Hide results until I reveal them
round-create = Start the round
round-open-hidden = Open, results hidden
round-open-live = Open, results showing
round-closed = Closed
round-voted = { $voted } of { $present } have voted
round-limits = { $dots } dots each, at most { $per_item } on one item
round-reveal = Reveal results
round-close = Close and make priorities
booth-open = Pass the laptop
booth-pick-name = Find your name and tap it.
booth-voted = voted
booth-close = Finish passing the laptop
booth-hello = Hello { $name }. Place your dots.
booth-dots-left = { $dots ->
    [one] 1 dot left
   *[other] { $dots } dots left
}
booth-add-dot = Add a dot to { $item }
booth-remove-dot = Take a dot off { $item }
booth-confirm = That's my vote
booth-not-me = Not me, go back
booth-thanks = Thank you. Your dots are saved. Please pass the laptop to the next person.
booth-next = Next person
paper-open = Enter paper votes
paper-title = Votes from a paper sheet
paper-who = Whose sheet
paper-tally = A tally (nobody named)
paper-save = Save paper votes
results-turnout = { $voters } of { $present } people present voted
results-paper = { $dots } dots from paper
results-excess = { $dots } dots over someone's limit not counted
results-by-role = Show by role
results-people = People with lived experience, carers and lay partners
results-professionals = Professionals
results-others = Others
results-tie = tied
results-dots = { $dots ->
    [one] 1 dot
   *[other] { $dots } dots
}
results-dots-by-role = { $people } · { $professionals } · { $others }

## Priorities and actions
priorities-title = Priorities and actions
priorities-intro = What the group agreed to work on, and who does what by when.
priorities-empty = No priorities yet. Close a vote round, or add one here.
priority-new = New priority
priority-add = Add priority
action-text = Action
action-owner = Who
action-due = By when
action-add = Add action
action-status = Status
action-status-not-started = Not started
action-status-in-progress = In progress
action-status-done = Done
action-status-dropped = Dropped
error-projector-window = The projector window could not be opened ({ $detail }). The workshop itself is fine; try again, or show this laptop's screen instead.

## Projector
projector-open = Open projector window
projector-close = Close projector window
projector-shows = Projector shows
projector-shows-stage = The stage and its question
projector-shows-map = The system map
projector-names = Show names of who voted
projector-waiting = The facilitator has not put anything on the projector yet.
projector-what-matters = What matters to me
projector-results-hidden = Results are hidden until the facilitator reveals them.

## Journeys
tab-journeys = Journeys
tab-scenarios = Failure scenarios
journeys-title = Patient journeys
journeys-intro = Walk a persona's journey step by step. Mark how each step felt and where the system failed them; paper journeys from the tables can be typed in here.
journeys-empty = No journeys yet.
journey-new = New journey
journey-new-hint = For example “Esther leaves hospital on a Friday”
journey-persona = Whose journey
journey-persona-none = No persona
journey-add = Add journey
journey-curve = How each step felt, from very bad at the bottom to very good at the top
journey-step-touchpoint = Step (touchpoint)
journey-step-service = Service
journey-step-emotion = How it felt
journey-step-failure = The system failed here
journey-step-failed = The system failed here
journey-step-add = Add step
journey-step-link = Link to a map node
emotion-0 = Very bad
emotion-1 = Bad
emotion-2 = Neither good nor bad
emotion-3 = Good
emotion-4 = Very good

## Failure scenarios
scenarios-title = Failure scenarios
scenarios-intro = What could go wrong for this persona? Tell it as a short story, link it to the map and the journey, and score how bad and how likely it is.
scenario-matrix = Failure scenarios by impact and likelihood
scenario-new = New failure scenario
scenario-title-hint = For example “Nobody knows Esther is home”
scenario-links = Where it happens (map nodes and journey steps)
scenario-add = Add scenario

## Patient contract
contract-title = Patient contract
contract-intro = The persona's frustrations turned into statements everyone agrees to make true. Tick the priorities and actions that answer each one.
contract-answered-by = Answered by
contract-new = New statement
contract-new-hint = For example “I know my next step”
contract-add = Add statement

## Learning records
learning-title = Learning records
learning-new = New learning record
learning-initiative = Initiative
learning-add = Add learning record

## Participant mode
participant-mode-start = Participant mode
participant-mode-set-pin = Choose a PIN to leave participant mode (at least 4 characters)
participant-mode-go = Start participant mode
participant-mode-title = Your notes and your dots
participant-mode-note = Your note
participant-mode-note-saved = Thank you, your note is saved.
participant-mode-vote = Vote:
participant-mode-leave = Facilitator: leave participant mode
participant-mode-pin = Facilitator's PIN
participant-mode-unlock = Leave
participant-mode-wrong-pin = That is not the PIN. Ask the facilitator.

# Printing
print-open = Print…
print-title = Print
print-what = What to print
print-what-persona-cards = Persona cards
print-what-map-poster = System map poster
print-what-journeys = Journey maps
print-what-vote-results = Vote results
print-what-report = Workshop report
print-what-persona-sheet = Blank persona worksheet
print-what-journey-sheet = Blank journey worksheet
print-what-voting-sheet = Dot-voting sheet
print-cards-on = Cards
print-cards-four = Four A6 cards on each A4 sheet, with cut marks
print-cards-a5 = One A5 card per page
print-paper = Poster size
print-tiled = Print on A4 sheets to stick together
print-round = Vote round
print-language = Language of the printout
print-preview = Preview
print-preview-pages = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}
print-preview-page = Page { $page } of the preview
print-typesetting = Typesetting… The workshop stays open for editing meanwhile.
print-copies = Copies
print-pages = Pages (for example 1-3,5; empty for all)
print-printer = Printer (empty for the default printer)
print-send = Print
print-save-pdf = Save as PDF…
print-open-viewer = Open in PDF viewer
print-close = Close
print-sent = Sent to the printer.
print-saved = Saved as { $path }.
print-opened = Opened in the PDF viewer.
error-print = The printout could not be made ({ $detail }). The workshop itself is fine; try again, or try another printout.
error-print-round = That vote round is not in the workshop any more. Choose another round.
error-print-pages = “{ $pages }” is not a page list. Write pages like 1-3,5, or leave it empty to print every page.
error-print-no-printer = The printer did not take the printout ({ $detail }). Check that a printer is set up, or save the PDF and print it from another computer.
error-print-viewer = No PDF viewer could be opened ({ $detail }). Save the PDF instead and open it from the file manager.

personal-title = Personal details
personal-open = Real name…
personal-intro = Kept on this laptop only: never in the workshop file, never on the projector, and on paper only when the organiser ticks "Include personal details". Erase them when the person withdraws consent.
personal-real-name = Real name
personal-contact = Phone or email
personal-save = Keep on this laptop
personal-forget = Erase for good
personal-saved = Kept on this laptop.
personal-erased = Erased from this laptop.
print-include-personal = Include personal details (real names and contacts kept on this laptop)
damaged-title = Bring this workshop back from a backup
damaged-intro = This laptop kept these copies of the workshop while you worked. Restoring one puts it in place of the damaged data, which is kept beside the backups; nothing is deleted.
damaged-no-backups = There are no backups of this workshop on this laptop. If another laptop has a session file of it, open that file from the home screen.

## Help and the diagnostic report
help-button = Help
help-title = Help
help-close = Close
help-version = SysteMatic Workshop { $version }
help-diagnostics-intro = Something not working? Copy a diagnostic report and send it to whoever helps you. It holds the app's version, this laptop's system, how much is stored and the latest log lines. It never holds what anyone wrote: no stories, notes or names.
help-diagnostics-show = Copy diagnostic report…
help-diagnostics-check = This is everything the report holds. Read it through, then copy it.
help-diagnostics-copy = Copy to clipboard
help-diagnostics-hide = Cancel
help-diagnostics-copied = Copied. Paste it into an email or a message.
help-diagnostics-copy-by-hand = This laptop did not let the app copy. Select the report above and press Ctrl+C.

## Picking up where you left off
home-continue-intro = Last open:
home-continue = Continue “{ $title }”
home-recent-files = Recent session files
home-open-existing = Open the workshop on this laptop
