# SysteMatic Workshop: alla ord appen visar, på svenska.
# Översatt från assets/locales/en-GB/app.ftl (källspråket); ett meddelande som saknas här visas på engelska.

app-name = SysteMatic Workshop
app-tagline = Workshoppar för samskapande i hälsa och vård
save-state-saved = Alla ändringar sparade
save-state-saving = Sparar…
save-state-failed = Inte sparat:

## Startsidan
home-title = Dina workshoppar
home-empty = Inga workshoppar än. Starta en ny, eller titta först runt i demoworkshoppen.
home-new-workshop = Ny workshop
home-open-demo = Öppna demoworkshoppen
home-demo-hint = ”Vad är viktigt för Esther?” – en workshop med Esther och hennes familj, redo att utforska.
home-data-folder = Workshopparna sparas i { $path }
home-loading = Laddar …
workshop-opening = Öppnar workshoppen …
home-try-again = Försök igen
workshop-list-personas = { $count ->
    [0] Inga personas än
    [one] 1 persona
   *[other] { $count } personas
}
workshop-list-changed = Senast ändrad { $when }
workshop-list-open = Öppna
# Shown on the home screen before anything else is opened, so kept in its section (read first).
session-open = Öppna sessionsfil …
session-open-with-passphrase = Öppna
session-passphrase-intro = Den här sessionsfilen är skyddad med en lösenfras. Skriv den för att öppna filen.
laptop-setup-title = Vad heter den här datorn?
laptop-setup-intro = Ge datorn ett namn som alla i rummet känner igen, till exempel ”Bord 2” eller ”Röstningsdatorn”. Det skrivs på varje ändring som görs här, så efter sammanslagningen ser du vilket bord som skrev vad.
laptop-setup-placeholder = Bord 2
laptop-setup-save = Spara namnet
workshop-protected = Skyddad
language = Språk
passphrase-checking = Kontrollerar…
passphrase-label = Lösenfras

## Formuläret för ny workshop
new-workshop-title = Ny workshop
new-workshop-create = Skapa workshop
cancel = Avbryt
field-title = Titel
field-date = Datum
field-venue = Plats
field-facilitator = Processledare
field-title-hint = Till exempel ”Hem från sjukhuset: vad är viktigt för Esther?”
field-venue-hint = Till exempel ”Församlingshemmet i Eksjö”

## Workshopsidan
workshop-back = Alla workshoppar
workshop-facilitated-by = Processledare: { $name }
personas-title = Personas
personas-intro = Vilka utformar vi tillsammans med? Börja i det som är viktigt för dem.
personas-empty = Inga personas än. Lägg till den första: vad är viktigt för hen?
persona-add = Lägg till persona
persona-edit = Ändra
persona-save = Spara persona
persona-new-title = Ny persona
persona-edit-title = Ändra { $name }
field-name = Namn
field-age = Ålder
field-living_situation = Boende och livssituation
field-conditions = Långvariga sjukdomar
field-conditions-hint = En per rad
field-what_matters = Det här är viktigt för mig
field-quote = Med egna ord
field-personas = Personas
persona-age = { $age } år
persona-conditions = Långvariga sjukdomar
persona-what-matters = Det här är viktigt för mig
persona-living = Boende och livssituation
persona-prompts = Fråga: Vad är viktigt för dig? Vad gör en bra dag? Vad står i vägen?
saved = Alla ändringar är sparade

## Fel: varje meddelande säger vad som hände och vad du kan göra.
error-field-required = { $field } behövs. Fyll i det.
error-field-too-long = { $field } får vara högst { $max } tecken. Korta ner det.
error-field-too-many = { $field } får ha högst { $max } poster.
error-field-out-of-range = { $field } måste vara ett tal från { $min } till { $max }.
error-data-folder-read-only = Workshopparna kan inte sparas i { $path } eftersom mappen är skrivskyddad (ett låst USB-minne eller en skyddad mapp?). Välj en annan mapp med SYSTEMATIC_DATA_DIR, eller gör den här skrivbar, och försök igen.
error-data-folder-not-a-folder = Workshopparna kan inte sparas i { $path } eftersom den, eller en mapp ovanför, är en fil och inte en mapp. Flytta filen eller välj en annan mapp med SYSTEMATIC_DATA_DIR.
error-data-folder-full = Workshopparna kan inte sparas i { $path } eftersom disken är full. Frigör utrymme och försök igen. Inget som redan sparats har gått förlorat.
error-data-folder-unusable = Workshopparna kan inte sparas i { $path }: { $detail }
error-workshop-not-found = Den här workshoppen finns inte längre på den här datorn.
error-persona-not-found = Den här personan har tagits bort.
error-template-not-found = Det finns ingen metodmall som heter ”{ $name }” i den här versionen av appen. Välj en annan.
error-workshop-damaged = Den här workshoppens sparade data är skadade och kan inte öppnas. De har sparats som de är; inget har raderats.
error-workshop-too-new = Den här workshoppen sparades av en nyare version av SysteMatic Workshop. Uppdatera appen på den här datorn för att öppna den.
error-storage = Din ändring kunde inte sparas: { $detail }. Inget som redan sparats har gått förlorat.
error-internal = Något gick fel inne i appen ({ $detail }). Försök igen.
error-data-folder-missing = Mappen { $path } finns inte. Om den ligger på ett USB-minne, sätt i minnet; annars skapa mappen eller välj en annan med SYSTEMATIC_DATA_DIR. Inget har sparats någon annanstans i stället.
error-database-damaged = Workshopdatabasen { $path } är skadad och kan inte öppnas. Den har lämnats precis som den är. Spara en kopia av den och välj en annan mapp med SYSTEMATIC_DATA_DIR för att fortsätta.
error-database-too-new = Workshopdatabasen { $path } användes senast av en nyare version av SysteMatic Workshop. Uppdatera appen på den här datorn för att öppna den.
error-unknown-kind = Det finns ingen sorts post som heter ”{ $kind }”.
error-unknown-field = En { $kind } har inget fält som heter ”{ $field }”.
error-wrong-type = { $field } måste vara { $expected }.
error-not-a-choice = { $field } kan inte vara ”{ $value }”. Välj ett av alternativen.
error-bad-date = { $field } måste vara ett datum som 2026-03-01, inte ”{ $value }”.
error-bad-id = ”{ $id }” kan inte användas som id: använd 1 till 64 bokstäver, siffror, bindestreck eller understreck.
error-item-not-found = Den här posten ({ $kind }) finns inte längre i workshoppen (den kan ha raderats på en annan dator).
error-id-taken = Id:t ”{ $id }” används redan i den här workshoppen.
error-bad-reference = { $field } pekar på något som inte finns i den här workshoppen.
error-too-many-items = En workshop kan rymma högst { $max } sådana ({ $kind }).
error-round-closed = Den här röstningsomgången är stängd. Öppna den igen för att ta emot fler röster.
error-not-a-candidate = Det är inte något som den här röstningsomgången röstar om.
error-no-dots-left = Den här deltagaren har använt alla sina prickar i den här röstningsomgången.
error-bad-position = Textändringen pekar förbi textens slut ({ $length } tecken).
error-not-a-session-file = Det här är ingen sessionsfil från SysteMatic Workshop. Sessionsfiler slutar på .systematic.
error-session-too-new = Den här sessionsfilen sparades av en nyare version av SysteMatic Workshop (filformat { $version }). Uppdatera appen på den här datorn för att öppna den.
error-session-damaged = Den här sessionsfilen är skadad och kan inte läsas ({ $detail }). Inget på den här datorn har ändrats. Be om en ny kopia från datorn som sparade den.
error-session-too-large = Filen är { $megabytes } MB, större än en sessionsfil från en workshop kan vara (högst { $max_megabytes } MB), så den öppnades inte. Inget på den här datorn har ändrats.
error-session-read = Filen { $path } kunde inte läsas: { $detail }. Sitter USB-minnet fortfarande i?
error-session-write = Sessionsfilen { $path } kunde inte skrivas: { $detail }. En tidigare fil där är oförändrad.
error-session-write-full = Sessionsfilen { $path } kunde inte skrivas eftersom disken är full. En tidigare fil där är oförändrad; frigör utrymme eller välj en annan plats.
error-session-write-read-only = Sessionsfilen { $path } kunde inte skrivas eftersom platsen är skrivskyddad (ett låst USB-minne?). En tidigare fil där är oförändrad; välj en annan plats.
error-export-write = Filen kunde inte sparas som { $path }: { $detail }. En tidigare fil där är oförändrad.
error-export-write-full = Filen kunde inte sparas som { $path } eftersom disken är full. En tidigare fil där är oförändrad; frigör utrymme eller välj en annan plats.
error-export-write-read-only = Filen kunde inte sparas som { $path } eftersom platsen är skrivskyddad (ett låst USB-minne?). En tidigare fil där är oförändrad; välj en annan plats.
error-merge-different-workshops = Filerna kommer från olika workshoppar: { $files }. Om två datorer startade samma workshop innan någon delade en fil kan du slå samman dem ändå.
error-merge-failed = Filerna kunde inte slås samman: { $detail }. Inget på den här datorn har ändrats.
error-session-already-here = Workshoppen ”{ $title }” finns redan på den här datorn. Öppna den och använd ”Slå samman sessionsfiler” för att ta in ändringarna från filen.
error-version-not-found = Den versionen finns inte i workshoppens historik.
error-backup-not-found = Den säkerhetskopian finns inte längre i workshoppens mapp för säkerhetskopior.
error-workshop-locked = Den här workshoppen är skyddad med en lösenfras. Skriv lösenfrasen för att öppna den.
error-workshop-already-protected = Den här workshoppen är redan skyddad med en lösenfras.
error-workshop-not-protected = Den här workshoppen är inte skyddad med en lösenfras.
error-passphrase-too-short = Lösenfrasen måste vara minst { $min } tecken lång. Några ord som du kommer ihåg fungerar bra.
error-wrong-passphrase = Den lösenfrasen öppnar inte den här workshoppen. Ingenting ändrades; kontrollera Caps Lock och försök igen.
error-session-needs-passphrase = Den här sessionsfilen är skyddad med en lösenfras. Skriv lösenfrasen den sparades med.
error-session-wrong-passphrase = Den lösenfrasen öppnar inte den här sessionsfilen. Ingenting ändrades; försök igen.
error-session-not-passphrase = Filen krypterades för någons nyckel, inte med en lösenfras, så appen kan inte öppna den.
error-session-passphrase-too-costly = Filens skydd kräver mer minne för att öppnas än appen tillåter. Be om att den sparas igen från SysteMatic Workshop.
field-laptop_name = Datorns namn
session-bar-label = Åtgärder för workshoppen
undo = Ångra
redo = Gör om
session-save = Spara sessionsfil …
session-merge = Slå samman sessionsfiler …
session-merge-anyway = Slå samman ändå
session-saved = Sparad i { $path }. Ta filen till datorn som slår samman sessionerna.
history-show = Historik
history-title = Historik
history-intro = Varje ändring i workshoppen, den senaste först, med datorn där den gjordes. Att återställa en tidigare version lägger till en ny ändring; inget raderas någonsin.
history-restore = Återställ den här versionen
backups-title = Säkerhetskopior
backups-intro = Den här datorn sparar en kopia av workshoppen var tionde minut medan ni arbetar, och före varje sammanslagning eller återställning; de tolv senaste sparas i datamappen. Att återställa en lägger till en ny ändring, som Ångra tar tillbaka.
backups-none = Inga säkerhetskopior än: den första tas vid den första ändringen.
backups-size = { $kilobytes } kB
backups-restore = Återställ den här säkerhetskopian
passphrase-again-label = Skriv lösenfrasen igen
passphrase-mismatch = De två lösenfraserna är inte likadana. Skriv dem igen.
passphrase-warning = Skriv ner lösenfrasen och förvara den säkert, inte tillsammans med datorn. Om den glöms bort kan ingen öppna detta igen — inte ens appens skapare.
unlock-title = Den här workshoppen är skyddad
unlock-intro = Skriv lösenfrasen för att öppna den. Den är öppen tills du låser den eller stänger appen.
unlock-submit = Lås upp
protection-open = Lösenfras…
protection-open-on = Skyddad…
protection-title = Skydd med lösenfras
protection-intro = Skydda workshoppen med en lösenfras. Den sparas då krypterad på datorn, med säkerhetskopior och deltagarnas riktiga namn, och öppnas bara med lösenfrasen: den som hittar datorn eller dess disk kan inte läsa den. Startsidan visar fortfarande titel, datum och plats.
protection-protect = Skydda workshoppen
protection-on = Den här workshoppen är skyddad med en lösenfras och sparas krypterad på datorn. Den är upplåst tills du låser den eller stänger appen.
protection-lock = Lås nu
protection-remove-intro = Skriv lösenfrasen för att spara den okrypterad igen.
protection-remove = Ta bort skyddet
session-save-protected = Spara skyddad…
session-protect-intro = Sessionsfilen krypteras med den här lösenfrasen. Ge lösenfrasen till den som öppnar filen personligen eller per telefon, aldrig på samma minne eller i samma e-post.
session-protect-choose = Välj var filen ska sparas
session-merge-with-passphrase = Slå ihop
conflict-from = från { $laptop }, { $when }
conflict-keep = Behåll det här
conflict-settled = Behöll ”{ $value }”. Alla datorer ser det här värdet efter nästa sammanslagning.
conflict-empty = (tomt)
yes = Ja
no = Nej
none = inga
close = Stäng
merge-report-title = Vad sammanslagningen förde samman
merge-forced = Filerna kom från olika workshoppar och slogs samman med avsikt. Den här workshoppen behåller sitt namn och sitt id.
merge-files = Filer
merge-file-summary = { $changes ->
        [one] 1 ändring
       *[other] { $changes } ändringar
    } som inte finns i alla filer, från { $laptops }; { $participants ->
        [one] 1 ny deltagare
       *[other] { $participants } nya deltagare
    }
merge-items = Poster
merge-added = Tillagda
merge-changed = Ändrade
merge-deleted = Raderade
merge-conflicts = Konflikter att avgöra: { $count }
merge-conflicts-intro = Samma sak fick olika värden på två datorer. Båda värdena sparas tills du väljer ett.
merge-texts = Texter skrivna på flera datorer: { $count }
merge-text-edited = { $field } i ”{ $item }” ändrades i { $files }. Ändringarna slogs samman bokstav för bokstav; läs igenom texten.
merge-deletes = Raderade på en dator medan de ändrades på en annan: { $count }
merge-deleted-edited = ”{ $item }” raderades i { $deleted } men ändrades i { $edited }. Den förblir raderad; återställ en tidigare version från Historik för att få tillbaka den.
merge-votes = Röster som inte räknades: { $count }
merge-vote-over = { $participant } hade använt alla sina prickar i ”{ $round }”; en prick till från { $laptop } räknades inte.
kind-stage = Steg i dagordningen
kind-participant = Deltagare
kind-persona = Persona
kind-journey = Resa
kind-journey_step = Steg i resan
kind-node = Nod i kartan
kind-connection = Koppling
kind-failure_point = Felpunkt
kind-scenario = Felscenario
kind-note = Lapp
kind-theme = Tema
kind-vote_round = Röstningsomgång
kind-vote = Röst
kind-priority = Prioritering
kind-action = Åtgärd
kind-contract_statement = Påstående i patientkontraktet
kind-learning_record = Lärdomsberättelse
field-dates = Datum
field-facilitators = Processledare
field-method = Metod
field-id = Workshoppens id
field-deleted = Raderad
field-goal = Mål
field-planned_minutes = Planerade minuter
field-status = Status
field-order = Ordning
field-pseudonym = Pseudonym
field-role = Roll
field-group = Arbetsgrupp
field-consent_to_quote = Samtycke till citat
field-segment = Befolkningsgrupp
field-goals = Mål
field-worries = Oro
field-family_and_friends = Familj och vänner
field-services_used = Verksamheter som används
field-seldom_heard = Sällan hörd
field-portrait = Porträtt
field-persona = Persona
field-journey = Resa
field-touchpoint = Kontaktpunkt
field-service = Verksamhet
field-what_happened = Vad hände
field-emotion = Känsla
field-failure = Brist
field-notes = Anteckningar
field-kind = Sort
field-level = Nivå
field-label = Etikett
field-pinned = Fäst
field-x = Läge i sidled
field-y = Läge i höjdled
field-from = Från
field-to = Till
field-polarity = Verkan
field-delay = Fördröjning
field-on = Var
field-description = Beskrivning
field-severity = Allvarlighet
field-raised_by = Lyft av
field-narrative = Berättelse
field-links = Kopplad till
field-impact = Konsekvens
field-likelihood = Sannolikhet
field-text = Text
field-colour = Färg
field-stage = Steg
field-theme = Tema
field-question = Fråga
field-candidates = Alternativ
field-dots_per_person = Prickar per person
field-max_per_item = Flest prickar på ett alternativ
field-hidden_until_reveal = Dolt tills det visas
field-revealed = Visat
field-round = Röstningsomgång
field-participant = Deltagare
field-item = Alternativ
field-laptop = Dator
field-time = Tid
field-vote_round = Röstningsomgång
field-owner = Ansvarig
field-due = Klart senast
field-priority = Prioritering
field-evidence_of_success = Tecken på framgång
field-difficulties = Svårigheter vi mötte
field-potential_for_transfer = Möjlighet att lära av eller föra vidare
field-segment-hint = Vilka personan står för, t.ex. ”äldre som bor ensamma”
field-seldom_heard-hint = Från en grupp som verksamheterna sällan hör
persona-seldom-heard = Sällan hörd
portrait-none = Ingen bild
portrait-heather = Ljung
portrait-oak = Ek
portrait-swallow = Svala
portrait-lighthouse = Fyr
portrait-teapot = Tekanna
portrait-bicycle = Cykel
portrait-garden = Trädgård
portrait-harbour = Hamn

## Systemkartan
map-title = Systemkarta
map-intro = Hur verksamheter, organisationer, människor och sjukdomar hänger ihop runt en persona, och var systemet sviker.
map-toolbar = Kartverktyg
map-canvas-label = Systemkarta. Tabb flyttar mellan noder; N lägger till en nod; piltangenterna panorerar eller flyttar de valda noderna.
map-add-node = Lägg till nod
map-add-node-hint = Eller dubbelklicka på kartan, eller tryck N
map-new-node-label = Skriv nodens namn och tryck Enter
map-layout = Ordna kartan
map-zoom-in = Zooma in
map-zoom-out = Zooma ut
map-fit = Anpassa till skärmen
map-failures-only = Bara felpunkter
map-level-all = Alla nivåer
map-level-none = Ingen nivå
map-list-view = Listvy
map-analysis = Analys
map-empty = Kartan är tom. Dubbelklicka var som helst, eller tryck N, för att lägga till den första noden.
map-keyboard-help = Tangenter: N ny nod · Delete tar bort · Ctrl+D dubblerar · pilar panorerar (eller flyttar det valda) · + och − zoomar · F anpassar · Ctrl+Z ångrar · Skift-klick eller Skift-dra väljer flera.
map-legend = Teckenförklaring
map-legend-positive = nästa rör sig åt samma håll
map-legend-negative = nästa rör sig åt andra hållet
map-legend-delay = det dröjer innan verkan syns
map-legend-failure = en felpunkt
map-overview = Översikt över hela kartan; klicka för att flytta dit
map-connect-drag = Dra härifrån till en annan nod för att koppla ihop dem
map-inspector-empty = Välj en nod eller en koppling för att se och ändra den.
map-selected-count = { $count } valda
map-node-details = Nod
map-connection-details = Koppling
map-save = Spara
map-duplicate = Dubblera
map-delete = Ta bort
map-downstream = Vad påverkas om det här fallerar?
map-pinned = Fäst (ordna kartan lämnar den där den är)
map-links = Kopplad till
map-jump = Gå dit
map-connect-to = Koppla till en annan nod
map-connect-choose = Välj en nod …
map-connect = Koppla
map-delay = Fördröjning
map-failures = Felpunkter
map-failure-description = Var systemet sviker människor här
map-failure-add = Markera felpunkt
map-severity-value = allvarlighet { $severity } av 5
map-list-nodes = Noder
map-list-connections = Kopplingar
node-kind-service = Verksamhet
node-kind-organisation = Organisation
node-kind-person_role = Person eller roll
node-kind-persona = Persona
node-kind-condition = Sjukdom eller tillstånd
node-kind-resource = Resurs
node-kind-factor = Faktor
level-micro = Mikro (personen och vården runt hen)
level-meso = Meso (verksamheter och organisationer)
level-macro = Makro (politik och hela systemet)
polarity-positive = Samma håll (+)
polarity-negative = Andra hållet (−)
polarity-unknown = Inte överens än (?)
analysis-working = Räknar …
analysis-clear = Ta bort markeringen
analysis-loops = Återkopplingsslingor: { $count }
analysis-loops-capped = Kartan har fler slingor än så; bara de första { $cap } visas.
analysis-loop-reinforcing = Förstärkande
analysis-loop-balancing = Balanserande
analysis-loop-unclear = Oklar
analysis-single-points = Enskilda felkällor
analysis-no-single-points = Inga: varje del av kartan har en annan väg.
analysis-if-goes = Om { $name } faller bort:
analysis-if-link-goes = Om kopplingen { $from } — { $to } faller bort:
analysis-splits-map = delas kartan i två, men ingen persona förlorar en verksamhet på det.
analysis-loses-route = { $persona } förlorar vägen till { $services }
analysis-most-central = Flest vägar går genom
analysis-central-detail = { $degree } kopplingar ({ $in } in, { $out } ut); på { $percent } % av de kortaste vägarna mellan andra delar av kartan
analysis-persona-reach = Vad varje persona når
analysis-no-personas = Lägg till en nod av sorten Persona för att se vilka verksamheter den når.
analysis-reaches = { $count } verksamheter: { $services }
analysis-reaches-nothing = inga verksamheter än
play-title = Slingspel
play-pick-node = Välj en nod och knuffa den för att se förändringen vandra längs pilarna.
play-up = Knuffa uppåt
play-down = Knuffa nedåt
play-stop = Stoppa
play-reinforcing = Förändringen kom tillbaka åt samma håll: en förstärkande slinga, den göder sig själv.
play-balancing = Förändringen kom tillbaka åt andra hållet: en balanserande slinga, den trycker tillbaka.
play-unclear = Förändringen kom tillbaka, men en pils + eller − är inte överenskommen, så åt vilket håll är oklart.
play-no-loop = Förändringen spreds och stannade: den kom inte tillbaka runt en slinga.
error-map-file = Kartfilen kunde inte läsas: { $detail }. Inget importerades; rätta filen och försök igen.
error-map-export = Tyvärr, { $detail }. Prova ett annat format, eller starta om appen och försök igen.
error-map-format = ”{ $format }” är inget kartformat som appen kan skriva.
error-map-file-unrecognised = { $file } är ingen kartfil som appen kan läsa. Den läser Kumu JSON (.json), CSV (nodes.csv och connections.csv), GraphML (.graphml), JSON Canvas (.canvas) och Graphviz DOT (.dot).
map-files = Kartfiler
map-import = Importera en karta …
map-export-as = Exportera som
map-export = Exportera …
map-imported = Importerat. Kartan har nu { $count } noder; de nya är valda.
map-exported = Sparade { $files }.
map-format-png = Bild för en affisch (PNG)
map-format-svg = Bild för presentationer (SVG)
map-format-kumu = Kumu (JSON)
map-format-csv = Kalkylblad (CSV med noder och kopplingar)
map-format-graphml = GraphML (Gephi, yEd)
map-format-json_canvas = JSON Canvas (Obsidian)
map-format-dot = Graphviz (DOT)

## Fält för processledning (sammanslagningsrapporten och konfliktval)
field-template = Metodmall
field-locale = Mallens språk
field-started_at = Tidtagningen startad
field-spent_ms = Använd tid
field-extra_minutes = Tillagda minuter
field-absent = Frånvarande
field-paper = Från ett pappersark
field-dots = Prickar
field-answers = Svarar mot påståendet i patientkontraktet
field-template-hint = Dagordningen workshoppen börjar med; varje steg kan ändras efteråt.

## Ord som används på flera ställen
save = Spara
edit = Ändra
remove = Ta bort
minutes = { $minutes } min

## Workshoppens flikar
tabs-label = Workshoppens delar
tab-agenda = Dagordning
tab-people = Deltagare
tab-personas = Personas
tab-map = Systemkarta
tab-notes = Lappar
tab-voting = Prickröstning
tab-priorities = Prioriteringar och åtgärder

## Nuvarande steg och tidtagning
stage-bar-label = Nuvarande steg och tid
stage-none = Dagordningen har inga steg kvar. Lägg till ett under Dagordning.
stage-count = Steg { $number } av { $count }
stage-clock-label = Tid kvar i det här steget
stage-time-up = Tiden är ute för det här steget. Avsluta tanken, gå sedan vidare eller lägg till en minut.
timer-start = Starta tiden
timer-pause = Pausa
timer-add-minute = +1 minut
stage-next = Nästa steg

## Dagordning
agenda-title = Dagordning
stage-status-planned = Planerat
stage-status-running = Nu
stage-status-done = Klart
stage-status-skipped = Hoppades över
stage-planned = { $minutes } min planerat
stage-spent = { $time } använt
stage-start = Starta det här steget
stage-name = Stegets namn
stage-question = Inledande fråga
stage-minutes = Minuter
stage-new-name = Nytt steg
stage-add = Lägg till steg

## Deltagare
participants-title = Deltagare
participants-intro = Lägg till alla som är med med ett förnamn eller en pseudonym de själva väljer. Riktiga namn och kontaktuppgifter hamnar aldrig i workshopfilen.
participants-empty = Ingen har lagts till än.
participant-pseudonym = Namn eller pseudonym
participant-pseudonym-hint = Till exempel ”Ann” eller ”Närstående bord 3”
participant-role = Roll
participant-group = Arbetsgrupp
participant-consent = Går bra att citera
participant-absent = Frånvarande i dag
participant-add = Lägg till person
role-none = Ingen roll angiven
role-lived-experience = Person med egen erfarenhet
role-carer = Närstående
role-lay-partner = Brukarrepresentant
role-clinician = Vårdpersonal
role-social-care = Socialtjänst och omsorg
role-voluntary-sector = Civilsamhället
role-commissioner = Beställare
role-manager = Chef
role-facilitator = Processledare
role-other = Annan

## Färdiga personas
persona-built-in = Kopiera en färdig persona
persona-built-in-pick = Välj …
persona-built-in-copy = Kopiera in

## Lappar och teman
notes-title = Lappar
note-text = Lapp
note-text-hint = Skriv det som sades och tryck Enter
note-colour = Färg
note-author = Vems idé
note-author-none = Inte sagt
note-add = Lägg till lapp
note-theme = Tema
note-remove = Ta bort lappen
notes-unsorted = Inte sorterade än
theme-new = Nytt tema
theme-add = Lägg till tema
theme-rename = Temats namn
notes-stage = Visa lappar från
notes-stage-all = Alla steg
notes-colour-by = Färga lapparna efter
notes-colour-by-note = Sin egen färg
notes-colour-by-role = Roll
notes-colour-by-table = Bord (dator)
colour-yellow = Gul
colour-pink = Rosa
colour-blue = Blå
colour-green = Grön
colour-orange = Orange

## Prickröstning
voting-title = Prickröstning
voting-intro = Alla sätter sina prickar på det som betyder mest. Resultatet är dolt tills du visar det, om inte omgången är öppen för alla att se.
round-new = Ny röstningsomgång
round-question = Fråga
round-question-hint = Till exempel ”Vilka brister ska vi ta itu med först?”
round-candidates = Det man röstar om
round-candidates-empty = Det finns inget att rösta om än: lägg först till felpunkter på kartan, lappar eller teman.
round-dots = Prickar per person
round-per-item = Flest prickar på ett alternativ
round-hidden = Dölj resultatet tills jag visar det
round-create = Starta omgången
round-open-hidden = Öppen, resultatet dolt
round-open-live = Öppen, resultatet syns
round-closed = Stängd
round-voted = { $voted } av { $present } har röstat
round-limits = { $dots } prickar var, högst { $per_item } på ett alternativ
round-reveal = Visa resultatet
round-close = Stäng och gör prioriteringar
booth-open = Skicka runt datorn
booth-pick-name = Leta upp ditt namn och tryck på det.
booth-voted = har röstat
booth-close = Sluta skicka runt datorn
booth-hello = Hej { $name }. Sätt ut dina prickar.
booth-dots-left = { $dots ->
    [one] 1 prick kvar
   *[other] { $dots } prickar kvar
}
booth-add-dot = Lägg en prick på { $item }
booth-remove-dot = Ta bort en prick från { $item }
booth-confirm = Det här är min röst
booth-not-me = Inte jag, gå tillbaka
booth-thanks = Tack. Dina prickar är sparade. Skicka datorn vidare till nästa person.
booth-next = Nästa person
paper-open = Lägg in pappersröster
paper-title = Röster från ett pappersark
paper-who = Vems ark
paper-tally = En sammanräkning (inget namn)
paper-save = Spara pappersrösterna
results-turnout = { $voters } av { $present } närvarande röstade
results-paper = { $dots } prickar från papper
results-excess = { $dots } prickar över någons gräns räknades inte
results-by-role = Visa efter roll
results-people = Personer med egen erfarenhet, närstående och brukarrepresentanter
results-professionals = Yrkesverksamma
results-others = Övriga
results-tie = lika
results-dots = { $dots ->
    [one] 1 prick
   *[other] { $dots } prickar
}
results-dots-by-role = { $people } · { $professionals } · { $others }

## Prioriteringar och åtgärder
priorities-title = Prioriteringar och åtgärder
priorities-intro = Det gruppen kom överens om att arbeta med, och vem som gör vad och när.
priorities-empty = Inga prioriteringar än. Stäng en röstningsomgång, eller lägg till en här.
priority-new = Ny prioritering
priority-add = Lägg till prioritering
action-text = Åtgärd
action-owner = Vem
action-due = Till när
action-add = Lägg till åtgärd
action-status = Status
action-status-not-started = Inte påbörjad
action-status-in-progress = Pågår
action-status-done = Klar
action-status-dropped = Avbruten
error-projector-window = Projektorfönstret kunde inte öppnas ({ $detail }). Själva workshoppen är oförändrad; försök igen, eller visa den här datorns skärm i stället.

## Projektor
projector-open = Öppna projektorfönstret
projector-close = Stäng projektorfönstret
projector-shows = Projektorn visar
projector-shows-stage = Steget och dess fråga
projector-shows-map = Systemkartan
projector-names = Visa namnen på dem som röstat
projector-waiting = Processledaren har inte visat något på projektorn än.
projector-what-matters = Det här är viktigt för mig
projector-results-hidden = Resultatet är dolt tills processledaren visar det.

## Resor
tab-journeys = Resor
tab-scenarios = Felscenarier
journeys-title = Patientresor
journeys-intro = Gå igenom en personas resa steg för steg. Markera hur varje steg kändes och var systemet svek; resor ritade på papper vid borden kan skrivas in här.
journeys-empty = Inga resor än.
journey-new = Ny resa
journey-new-hint = Till exempel ”Esther skrivs ut från sjukhuset en fredag”
journey-persona = Vems resa
journey-persona-none = Ingen persona
journey-add = Lägg till resa
journey-curve = Hur varje steg kändes, från mycket dåligt längst ner till mycket bra högst upp
journey-step-touchpoint = Steg (kontaktpunkt)
journey-step-service = Verksamhet
journey-step-emotion = Hur det kändes
journey-step-failure = Systemet svek här
journey-step-failed = Systemet svek här
journey-step-add = Lägg till steg
journey-step-link = Koppla till en nod i kartan
emotion-0 = Mycket dåligt
emotion-1 = Dåligt
emotion-2 = Varken bra eller dåligt
emotion-3 = Bra
emotion-4 = Mycket bra

## Felscenarier
scenarios-title = Felscenarier
scenarios-intro = Vad kan gå fel för den här personan? Berätta det som en kort historia, koppla den till kartan och resan, och bedöm hur allvarligt och hur sannolikt det är.
scenario-matrix = Felscenarier efter konsekvens och sannolikhet
scenario-new = Nytt felscenario
scenario-title-hint = Till exempel ”Ingen vet att Esther har kommit hem”
scenario-links = Var det händer (noder i kartan och steg i resan)
scenario-add = Lägg till scenario

## Patientkontrakt
contract-title = Patientkontrakt
contract-intro = Personans frustrationer omgjorda till påståenden som alla lovar att göra sanna. Kryssa för de prioriteringar och åtgärder som svarar mot vart och ett.
contract-answered-by = Besvaras av
contract-new = Nytt påstående
contract-new-hint = Till exempel ”Jag vet mitt nästa steg”
contract-add = Lägg till påstående

## Lärdomar
learning-title = Lärdomar
learning-new = Ny lärdom
learning-initiative = Initiativ
learning-add = Lägg till lärdom

## Deltagarläge
participant-mode-start = Deltagarläge
participant-mode-set-pin = Välj en PIN-kod för att lämna deltagarläget (minst 4 tecken)
participant-mode-go = Starta deltagarläget
participant-mode-title = Dina lappar och dina prickar
participant-mode-note = Din lapp
participant-mode-note-saved = Tack, din lapp är sparad.
participant-mode-vote = Rösta:
participant-mode-leave = Processledare: lämna deltagarläget
participant-mode-pin = Processledarens PIN-kod
participant-mode-unlock = Lämna
participant-mode-wrong-pin = Det är inte rätt PIN-kod. Fråga processledaren.

# Utskrift
print-open = Skriv ut…
print-title = Skriv ut
print-what = Vad ska skrivas ut
print-what-persona-cards = Personakort
print-what-map-poster = Affisch med systemkartan
print-what-journeys = Patientresor
print-what-vote-results = Röstresultat
print-what-report = Workshoprapport
print-what-persona-sheet = Tomt arbetsblad: persona
print-what-journey-sheet = Tomt arbetsblad: resa
print-what-voting-sheet = Röstblad för prickröstning
print-cards-on = Kort
print-cards-four = Fyra A6-kort på varje A4-ark, med skärmärken
print-cards-a5 = Ett A5-kort per sida
print-paper = Affischens storlek
print-tiled = Skriv ut på A4-ark att sätta ihop
print-round = Röstomgång
print-language = Utskriftens språk
print-preview = Förhandsvisning
print-preview-pages = { $pages ->
    [one] 1 sida
   *[other] { $pages } sidor
}
print-preview-page = Sida { $page } i förhandsvisningen
print-typesetting = Sätter texten… Workshoppen går att redigera under tiden.
print-copies = Antal exemplar
print-pages = Sidor (till exempel 1-3,5; tomt för alla)
print-printer = Skrivare (tomt för standardskrivaren)
print-send = Skriv ut
print-save-pdf = Spara som PDF…
print-open-viewer = Öppna i PDF-läsaren
print-close = Stäng
print-sent = Skickad till skrivaren.
print-saved = Sparad som { $path }.
print-opened = Öppnad i PDF-läsaren.
error-print = Utskriften kunde inte göras ({ $detail }). Själva workshoppen är oförändrad; försök igen, eller välj en annan utskrift.
error-print-round = Röstomgången finns inte längre i workshoppen. Välj en annan omgång.
error-print-pages = ”{ $pages }” är ingen sidlista. Skriv sidor som 1-3,5, eller lämna tomt för att skriva ut alla sidor.
error-print-no-printer = Skrivaren tog inte emot utskriften ({ $detail }). Kontrollera att en skrivare är inställd, eller spara PDF:en och skriv ut den från en annan dator.
error-print-viewer = Ingen PDF-läsare kunde öppnas ({ $detail }). Spara PDF:en i stället och öppna den från filhanteraren.

personal-title = Personuppgifter
personal-open = Riktigt namn…
personal-intro = Sparas bara på den här datorn: aldrig i workshopfilen, aldrig på projektorn, och på papper bara när arrangören kryssar i "Ta med personuppgifter". Radera dem när personen tar tillbaka sitt samtycke.
personal-real-name = Riktigt namn
personal-contact = Telefon eller e-post
personal-save = Spara på den här datorn
personal-forget = Radera för gott
personal-saved = Sparat på den här datorn.
personal-erased = Raderat från den här datorn.
print-include-personal = Ta med personuppgifter (riktiga namn och kontaktuppgifter som sparats på den här datorn)
damaged-title = Hämta tillbaka workshoppen från en säkerhetskopia
damaged-intro = Den här datorn sparade de här kopiorna av workshoppen medan ni arbetade. Att återställa en lägger den i stället för de skadade uppgifterna, som sparas bredvid säkerhetskopiorna; inget raderas.
damaged-no-backups = Det finns inga säkerhetskopior av den här workshoppen på den här datorn. Om en annan dator har en sessionsfil av den, öppna den filen från startskärmen.

## Hjälp och diagnosrapporten
help-button = Hjälp
help-title = Hjälp
help-close = Stäng
help-version = SysteMatic Workshop { $version }
help-diagnostics-intro = Fungerar något inte? Kopiera en diagnosrapport och skicka den till den som hjälper dig. Den innehåller appens version, datorns system, hur mycket som är sparat och de senaste loggraderna. Den innehåller aldrig vad någon har skrivit: inga berättelser, anteckningar eller namn.
help-diagnostics-show = Kopiera diagnosrapport…
help-diagnostics-check = Det här är allt rapporten innehåller. Läs igenom den och kopiera den sedan.
help-diagnostics-copy = Kopiera till urklipp
help-diagnostics-hide = Avbryt
help-diagnostics-copied = Kopierad. Klistra in den i ett mejl eller ett meddelande.
help-diagnostics-copy-by-hand = Datorn lät inte appen kopiera. Markera rapporten ovan och tryck Ctrl+C.

## Fortsätta där du slutade
home-continue-intro = Senast öppen:
home-continue = Fortsätt med ”{ $title }”
home-recent-files = Senaste sessionsfiler
home-open-existing = Öppna workshoppen på den här datorn
