# SysteMatic Workshop: every word the app shows, in British English (the source locale).
# Add a language by copying this file to assets/locales/<lang>/app.ftl and translating the values.

app-name = SysteMatic Workshop
app-tagline = Co-design workshops for health and care

## Home screen
home-title = Your workshops
home-empty = No workshops yet. Start a new one, or look round the demo workshop first.
home-new-workshop = New workshop
home-open-demo = Open demo workshop
home-demo-hint = “What matters for Esther?” — a workshop with Esther and her family, ready to explore.
home-data-folder = Workshops are kept in { $path }
home-loading = Loading…
home-try-again = Try again
workshop-list-personas = { $count ->
    [0] No personas yet
    [one] 1 persona
   *[other] { $count } personas
}
workshop-list-changed = Last changed { $when }
workshop-list-open = Open

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
error-session-read = The file { $path } could not be read: { $detail }. Is the USB stick still plugged in?
error-session-write = The session file { $path } could not be written: { $detail }. Any earlier file there is unchanged.
error-session-write-full = The session file { $path } could not be written because the disk is full. Any earlier file there is unchanged; free some space or choose another place.
error-session-write-read-only = The session file { $path } could not be written because the place is read-only (a locked USB stick?). Any earlier file there is unchanged; choose another place.
error-merge-different-workshops = These files are from different workshops: { $files }. If two laptops each started the same workshop before sharing a file, you can merge them anyway.
error-merge-failed = The files could not be merged: { $detail }. Nothing on this laptop was changed.
error-session-already-here = The workshop “{ $title }” is already on this laptop. Open it and use “Merge session files” to bring this file's changes in.
error-version-not-found = That version is not in this workshop's history.
