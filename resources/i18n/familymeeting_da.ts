<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>BoardController</name>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="64"/>
        <source>Add card</source>
        <translation>Tilføj kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="77"/>
        <source>Edit card</source>
        <translation>Ret kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="86"/>
        <source>Move card</source>
        <translation>Flyt kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="103"/>
        <source>Delete card</source>
        <translation>Slet kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="109"/>
        <source>Change kind</source>
        <translation>Skift type</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="116"/>
        <source>Whose words</source>
        <translation>Hvem siger det?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="126"/>
        <source>Agree or disagree</source>
        <translation>Enig eller uenig</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="137"/>
        <source>Change meeting details</source>
        <translation>Ret mødets oplysninger</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/controller.py" line="145"/>
        <source>Who is here</source>
        <translation>Hvem er med</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="74"/>
        <source>Close message</source>
        <translation>Luk beskeden</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="220"/>
        <source>Edit text</source>
        <translation>Ret teksten</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="224"/>
        <source>Move to</source>
        <translation>Flyt til</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="234"/>
        <source>Move up</source>
        <translation>Flyt op</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="237"/>
        <source>Move down</source>
        <translation>Flyt ned</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="241"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="255"/>
        <source>Whose words?</source>
        <translation>Hvem siger det?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="259"/>
        <source>Nobody in particular</source>
        <translation>Ingen bestemt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="275"/>
        <source>Who agrees?</source>
        <translation>Hvem er enig?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="277"/>
        <source>Who disagrees?</source>
        <translation>Hvem er uenig?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/view.py" line="298"/>
        <source>Delete card</source>
        <translation>Slet kort</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <location filename="../../familymeeting/ui/board/card.py" line="80"/>
        <source>Write in your own words…</source>
        <translation>Skriv med jeres egne ord …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/card.py" line="85"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/card.py" line="86"/>
        <source>Done</source>
        <translation>Færdig</translation>
    </message>
</context>
<context>
    <name>CardWidget</name>
    <message>
        <location filename="../../familymeeting/ui/board/card.py" line="170"/>
        <source>Card menu</source>
        <translation>Kortets menu</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/card.py" line="214"/>
        <source>Whose words</source>
        <translation>Hvem siger det?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/card.py" line="218"/>
        <source>Agrees: %1</source>
        <translation>Enig: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/card.py" line="223"/>
        <source>Disagrees: %1</source>
        <translation>Uenig: %1</translation>
    </message>
</context>
<context>
    <name>ColumnWidget</name>
    <message>
        <location filename="../../familymeeting/ui/board/column.py" line="62"/>
        <source>+  Add</source>
        <translation>+  Tilføj</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/column.py" line="66"/>
        <source>Add a card to: %1</source>
        <translation>Tilføj et kort til: %1</translation>
    </message>
</context>
<context>
    <name>FamiliesPage</name>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="172"/>
        <location filename="../../familymeeting/ui/families_page.py" line="208"/>
        <source>Families</source>
        <translation>Familier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="176"/>
        <location filename="../../familymeeting/ui/families_page.py" line="248"/>
        <source>New family</source>
        <translation>Ny familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="187"/>
        <source>Search by name</source>
        <translation>Søg efter navn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="188"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="194"/>
        <source>Show archived</source>
        <translation>Vis arkiverede</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="231"/>
        <source>No families yet</source>
        <translation>Ingen familier endnu</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="237"/>
        <source>Create the first family before the visit, or try the app with a demo family you can change freely.</source>
        <translation>Opret den første familie før besøget, eller prøv programmet med en demofamilie, som du frit kan ændre i.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="253"/>
        <source>Create demo family</source>
        <translation>Opret demofamilie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="325"/>
        <source>No family matches the search.</source>
        <translation>Ingen familie passer til søgningen.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="330"/>
        <source>All families are archived. Tick “Show archived” to see them.</source>
        <translation>Alle familier er arkiveret. Sæt flueben ved “Vis arkiverede” for at se dem.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="356"/>
        <source>Archived</source>
        <translation>Arkiveret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="360"/>
        <source>1 participant</source>
        <translation>1 deltager</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/families_page.py" line="360"/>
        <source>%n participants</source>
        <translation>
            <numerusform>%n deltager</numerusform>
            <numerusform>%n deltagere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="363"/>
        <source>No meetings yet</source>
        <translation>Ingen møder endnu</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="369"/>
        <source>Next meeting %1</source>
        <translation>Næste møde %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="370"/>
        <source>Last meeting %1</source>
        <translation>Seneste møde %1</translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="124"/>
        <source>Edit family</source>
        <translation>Rediger familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="124"/>
        <source>New family</source>
        <translation>Ny familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="144"/>
        <source>e.g. The H. family</source>
        <translation>fx Familien H.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="148"/>
        <source>Initials are fine.</source>
        <translation>Det er fint kun at bruge forbogstaver.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="152"/>
        <source>Family name</source>
        <translation>Familiens navn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="160"/>
        <source>Caseworker</source>
        <translation>Rådgiver</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="162"/>
        <source>Caseworker&apos;s phone</source>
        <translation>Rådgiverens telefon</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="169"/>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="170"/>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="172"/>
        <source>Language of the plan</source>
        <translation>Planens sprog</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="176"/>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="184"/>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="196"/>
        <location filename="../../familymeeting/ui/family_dialog.py" line="273"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="196"/>
        <location filename="../../familymeeting/ui/family_dialog.py" line="277"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="196"/>
        <location filename="../../familymeeting/ui/family_dialog.py" line="284"/>
        <source>Birth year</source>
        <translation>Fødselsår</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="204"/>
        <source>Add participant</source>
        <translation>Tilføj deltager</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="220"/>
        <source>Removed participants are deleted when you save, together with their answers and attendance.</source>
        <translation>Fjernede deltagere slettes, når du gemmer – sammen med deres svar og fremmøde.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="241"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="245"/>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="263"/>
        <source>1 year</source>
        <translation>1 år</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/family_dialog.py" line="263"/>
        <source>%n years</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="285"/>
        <source>Year</source>
        <translation>Årstal</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="300"/>
        <location filename="../../familymeeting/ui/family_dialog.py" line="301"/>
        <source>Remove participant</source>
        <translation>Fjern deltager</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="401"/>
        <source>Unarchive family</source>
        <translation>Fjern fra arkivet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="401"/>
        <source>Archive family</source>
        <translation>Arkivér familie</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="60"/>
        <source>Edit family</source>
        <translation>Rediger familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="77"/>
        <source>New meeting</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="81"/>
        <source>Follow-up meeting</source>
        <translation>Opfølgningsmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="83"/>
        <source>Starts from the chosen meeting&apos;s board, or else the newest one&apos;s.</source>
        <translation>Tager udgangspunkt i tavlen fra det valgte møde, ellers fra det nyeste.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="90"/>
        <location filename="../../familymeeting/ui/family_page.py" line="96"/>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="100"/>
        <source>No meetings yet. Plan the first one with “New meeting”.</source>
        <translation>Ingen møder endnu. Planlæg det første med “Nyt møde”.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="122"/>
        <source>Caseworker: %1</source>
        <translation>Rådgiver: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="124"/>
        <source>Archived</source>
        <translation>Arkiveret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="177"/>
        <source>%1 at %2</source>
        <translation>%1 kl. %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="189"/>
        <source>1 year</source>
        <translation>1 år</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/family_page.py" line="189"/>
        <source>%n years</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="79"/>
        <source>Toolbar</source>
        <translation>Værktøjslinje</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="86"/>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="89"/>
        <source>Families</source>
        <translation>Familier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="106"/>
        <location filename="../../familymeeting/ui/main_window.py" line="146"/>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="109"/>
        <location filename="../../familymeeting/ui/main_window.py" line="146"/>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="119"/>
        <source>Smaller text</source>
        <translation>Mindre tekst</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="122"/>
        <source>Larger text</source>
        <translation>Større tekst</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="128"/>
        <source>Full screen</source>
        <translation>Fuld skærm</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="134"/>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="225"/>
        <source>Saved ✓ %1</source>
        <translation>Gemt ✓ %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="226"/>
        <source>Every change is saved as soon as you make it.</source>
        <translation>Alt gemmes, så snart du ændrer det.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="231"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="85"/>
        <source>Follow-up meeting</source>
        <translation>Opfølgningsmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="85"/>
        <source>New meeting</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="102"/>
        <source>Carries the board, the questions and the open actions forward from the meeting of %1.</source>
        <translation>Tager tavlen, spørgsmålene og de åbne aftaler med fra mødet %1.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="124"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="130"/>
        <source>Time</source>
        <translation>Klokkeslæt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="134"/>
        <source>Date and time</source>
        <translation>Dato og tid</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="141"/>
        <source>e.g. At the family&apos;s home</source>
        <translation>fx Hjemme hos familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="142"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="159"/>
        <source>Kind of meeting</source>
        <translation>Mødetype</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="172"/>
        <source>The family has no participants yet.</source>
        <translation>Familien har ingen deltagere endnu.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="175"/>
        <source>Who is taking part?</source>
        <translation>Hvem deltager?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="184"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="189"/>
        <source>Start follow-up</source>
        <translation>Start opfølgning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="189"/>
        <source>Create meeting</source>
        <translation>Opret møde</translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message>
        <location filename="../../familymeeting/ui/board/header.py" line="61"/>
        <source>Date and time</source>
        <translation>Dato og tid</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/header.py" line="65"/>
        <location filename="../../familymeeting/ui/board/header.py" line="66"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/header.py" line="71"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/header.py" line="78"/>
        <location filename="../../familymeeting/ui/board/header.py" line="83"/>
        <source>Next meeting</source>
        <translation>Næste møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/header.py" line="90"/>
        <source>Who is here:</source>
        <translation>Hvem er med:</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/header.py" line="168"/>
        <source>%1 is here</source>
        <translation>%1 er med</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/board/header.py" line="168"/>
        <source>%1 is not here</source>
        <translation>%1 er ikke med</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../familymeeting/ui/settings.py" line="36"/>
        <source>Text size</source>
        <translation>Tekststørrelse</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/settings.py" line="39"/>
        <source>Full screen</source>
        <translation>Fuld skærm</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/settings.py" line="42"/>
        <source>Last family opened</source>
        <translation>Senest åbnede familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/settings.py" line="45"/>
        <source>Last meeting opened</source>
        <translation>Senest åbnede møde</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="16"/>
        <source>What are we worried about?</source>
        <translation>Det er vi bekymrede for</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="17"/>
        <source>What&apos;s working well?</source>
        <translation>Det går godt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="18"/>
        <source>What needs to happen?</source>
        <translation>Det skal der ske</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="25"/>
        <source>Worries</source>
        <translation>Bekymringer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="26"/>
        <source>Working well</source>
        <translation>Går godt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="27"/>
        <source>Needs to happen</source>
        <translation>Skal ske</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="33"/>
        <source>What has happened, what could happen, what makes it hard</source>
        <translation>Hvad er sket, hvad kan ske, hvad gør det svært</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="36"/>
        <source>Strengths, and what already keeps the children safe</source>
        <translation>Styrker, og det der allerede passer på børnene</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="39"/>
        <source>Goals, and the next steps to get there</source>
        <translation>Mål, og de næste skridt derhen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="47"/>
        <source>Plain card</source>
        <translation>Almindeligt kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="48"/>
        <source>Harm</source>
        <translation>Skade</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="49"/>
        <source>Danger statement</source>
        <translation>Bekymringsudsagn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="50"/>
        <source>Complicating factor</source>
        <translation>Komplicerende faktor</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="51"/>
        <source>Strength</source>
        <translation>Styrke</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="52"/>
        <source>Existing safety</source>
        <translation>Eksisterende sikkerhed</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="53"/>
        <source>Safety goal</source>
        <translation>Sikkerhedsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="54"/>
        <source>Next step</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="60"/>
        <source>First meeting</source>
        <translation>Første møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="61"/>
        <source>Follow-up meeting</source>
        <translation>Opfølgningsmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="62"/>
        <source>Network meeting</source>
        <translation>Netværksmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="68"/>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="69"/>
        <source>In progress</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="70"/>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="76"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="77"/>
        <source>Parent</source>
        <translation>Forælder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="78"/>
        <source>Caregiver</source>
        <translation>Omsorgsperson</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="79"/>
        <source>Network</source>
        <translation>Netværk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="80"/>
        <source>Professional</source>
        <translation>Fagperson</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="81"/>
        <source>Caseworker</source>
        <translation>Rådgiver</translation>
    </message>
</context>
</TS>
