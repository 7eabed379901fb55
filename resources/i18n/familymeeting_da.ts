<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>Access</name>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="35"/>
        <source>Opened the family</source>
        <translation>Åbnede familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="36"/>
        <source>Opened a meeting</source>
        <translation>Åbnede et møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="37"/>
        <source>Exported a case file</source>
        <translation>Eksporterede en sagsfil</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="38"/>
        <source>Imported a case file</source>
        <translation>Importerede en sagsfil</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="39"/>
        <source>Saved the plan as PDF</source>
        <translation>Gemte planen som PDF</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="40"/>
        <source>Printed the plan</source>
        <translation>Udskrev planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="41"/>
        <source>Kept a plan given to the family</source>
        <translation>Gemte en plan, familien fik</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="42"/>
        <source>Printed or saved a kept plan again</source>
        <translation>Udskrev eller gemte en tidligere plan igen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="43"/>
        <source>Deleted the family</source>
        <translation>Slettede familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="44"/>
        <source>Unlocked the program</source>
        <translation>Låste programmet op</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="45"/>
        <source>Wrong password</source>
        <translation>Forkert adgangskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="46"/>
        <source>Saved a backup to a file</source>
        <translation>Gemte en sikkerhedskopi i en fil</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="47"/>
        <source>Brought back a backup</source>
        <translation>Hentede en sikkerhedskopi tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="48"/>
        <source>Changed the data key</source>
        <translation>Skiftede datanøglen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="49"/>
        <source>Wrote in the meeting record</source>
        <translation>Skrev i mødenotatet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="50"/>
        <source>Took out a meeting record</source>
        <translation>Tog et mødenotat ud</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="51"/>
        <source>Changed the case dates</source>
        <translation>Ændrede sagens datoer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="52"/>
        <source>Changed a child&apos;s three houses</source>
        <translation>Ændrede et barns tre huse</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="53"/>
        <source>Took out a child&apos;s three houses</source>
        <translation>Tog et barns tre huse ud</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="62"/>
        <source>Access log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="67"/>
        <source>Every time the family was opened, exported, printed or deleted. Entries older than the retention period are removed.</source>
        <translation>Hver gang familien er åbnet, eksporteret, udskrevet eller slettet. Poster ældre end opbevaringsperioden fjernes.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="76"/>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="76"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="51"/>
        <source>Change the plan</source>
        <translation>Ret i planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="51"/>
        <source>Add to the plan</source>
        <translation>Tilføj til planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="59"/>
        <source>What will happen, in plain words</source>
        <translation>Hvad der skal ske, med almindelige ord</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="68"/>
        <source>A name, or e.g. “Mor og far”</source>
        <translation>Et navn, eller fx “Mor og far”</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="75"/>
        <source>A date</source>
        <translation>En dato</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="81"/>
        <source>or in words, e.g. “every Friday”</source>
        <translation>eller med ord, fx “hver fredag”</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="92"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="93"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="94"/>
        <source>By when</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="128"/>
        <source>Please write what will happen.</source>
        <translation>Skriv, hvad der skal ske.</translation>
    </message>
</context>
<context>
    <name>ActionRow</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="162"/>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="171"/>
        <source>Edit</source>
        <translation>Ret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="174"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="180"/>
        <source>Move up</source>
        <translation>Flyt op</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="181"/>
        <source>Move down</source>
        <translation>Flyt ned</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="197"/>
        <source>Done: %1</source>
        <translation>Klaret: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="206"/>
        <source>Who: %1</source>
        <translation>Hvem: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="207"/>
        <source>When: %1</source>
        <translation>Hvornår: %1</translation>
    </message>
</context>
<context>
    <name>AnswerRow</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="253"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="265"/>
        <source>Answered alone in child mode, not shared: only for the caseworker</source>
        <translation>Svaret alene i børnetilstand, ikke delt: kun til rådgiveren</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="279"/>
        <source>Answer from %1</source>
        <translation>Svar fra %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="280"/>
        <source>Won&apos;t answer, comment</source>
        <translation>Vil ikke svare, kommentar</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="325"/>
        <source>last: %1</source>
        <translation>sidst: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="341"/>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="352"/>
        <source>Comment from %1</source>
        <translation>Kommentar fra %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="351"/>
        <source>What would make it one higher?</source>
        <translation>Hvad skulle der til for at komme et trin højere?</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/card.py" line="181"/>
        <source>Write in your own words…</source>
        <translation>Skriv med jeres egne ord …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/card.py" line="187"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/card.py" line="188"/>
        <source>Done</source>
        <translation>Færdig</translation>
    </message>
</context>
<context>
    <name>CardWidget</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/card.py" line="270"/>
        <source>Card menu</source>
        <translation>Kortets menu</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/card.py" line="375"/>
        <source>In the plan ✓</source>
        <translation>I planen ✓</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/card.py" line="383"/>
        <source>Whose words</source>
        <translation>Hvem siger det?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/card.py" line="357"/>
        <source>Agrees: %1</source>
        <translation>Enig: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/card.py" line="367"/>
        <source>Disagrees: %1</source>
        <translation>Uenig: %1</translation>
    </message>
</context>
<context>
    <name>CaseDatesDialog</name>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="422"/>
        <source>Case dates</source>
        <translation>Sagens datoer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="435"/>
        <source>The family&apos;s dates apply to every child. Decisions are made per child: give a child its own date only where it differs.</source>
        <translation>Familiens datoer gælder for alle børn. Der træffes beslutning for hvert barn: giv kun et barn sin egen dato, hvor den er en anden.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="442"/>
        <source>The whole family</source>
        <translation>Hele familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="443"/>
        <source>%1&apos;s own dates</source>
        <translation>%1s egne datoer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="457"/>
        <source>No date</source>
        <translation>Ingen dato</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="457"/>
        <source>As the family</source>
        <translation>Som familien</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="96"/>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="97"/>
        <source>Concern</source>
        <translation>Bekymring</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="98"/>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="99"/>
        <source>Next meeting</source>
        <translation>Næste møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="100"/>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="101"/>
        <source>Direction</source>
        <translation>Retning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="102"/>
        <source>Last meeting</source>
        <translation>Sidste møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="154"/>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/caseload.py" line="154"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="159"/>
        <source>%1 ago</source>
        <translation>%1 siden</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="163"/>
        <source>waiting %1</source>
        <translation>venter %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="165"/>
        <source>after %1</source>
        <translation>efter %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="177"/>
        <source>%1 (this week)</source>
        <translation>%1 (denne uge)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="182"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="183"/>
        <source>1 overdue</source>
        <translation>1 overskredet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/caseload.py" line="183"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overskredet</numerusform>
            <numerusform>%n overskredne</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="187"/>
        <source>↑ up</source>
        <translation>↑ op</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="189"/>
        <source>↓ down</source>
        <translation>↓ ned</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="191"/>
        <source>→ same</source>
        <translation>→ uændret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="202"/>
        <source>no meeting yet</source>
        <translation>intet møde endnu</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="204"/>
        <source>this week</source>
        <translation>denne uge</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="206"/>
        <source>1 week ago</source>
        <translation>1 uge siden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/caseload.py" line="206"/>
        <source>%n weeks ago</source>
        <translation>
            <numerusform>%n uge siden</numerusform>
            <numerusform>%n uger siden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="208"/>
        <source>too long</source>
        <translation>for længe</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="511"/>
        <location filename="../../familymeeting/ui/caseload.py" line="536"/>
        <location filename="../../familymeeting/ui/caseload.py" line="542"/>
        <source>Caseload</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="518"/>
        <source>Sort by</source>
        <translation>Sortér efter</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="523"/>
        <source>This week</source>
        <translation>Denne uge</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="527"/>
        <source>Show only the meetings due this week</source>
        <translation>Vis kun møderne i denne uge</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="548"/>
        <source>Sort: %1</source>
        <translation>Sortér: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/caseload.py" line="565"/>
        <source>⚠ too long: no meeting in the last %n weeks</source>
        <translation>
            <numerusform>⚠ for længe: intet møde i den seneste %n uge</numerusform>
            <numerusform>⚠ for længe: intet møde i de seneste %n uger</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="611"/>
        <source>No meetings are due this week.</source>
        <translation>Ingen møder i denne uge.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/caseload.py" line="613"/>
        <source>No active families.</source>
        <translation>Ingen aktive familier.</translation>
    </message>
</context>
<context>
    <name>ChildFeedbackDialog</name>
    <message>
        <location filename="../../familymeeting/ui/child_feedback.py" line="42"/>
        <source>Children&apos;s feedback</source>
        <translation>Børnenes feedback</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/child_feedback.py" line="50"/>
        <source>What each child said about the meetings, on their own in child mode: 1 is not at all, 10 is fully. Only for you and the case: it is never on the family&apos;s plan or the board.</source>
        <translation>Det, hvert barn selv har svaret om møderne i børnetilstand: 1 er slet ikke, 10 er helt. Kun til dig og sagen: det kommer aldrig på familiens plan eller tavlen.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/child_feedback.py" line="61"/>
        <source>No child has given feedback yet. A child answers at the end of child mode.</source>
        <translation>Intet barn har givet feedback endnu. Barnet svarer til sidst i børnetilstand.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/child_feedback.py" line="88"/>
        <source>The last %1 meetings; every meeting&apos;s record has its own.</source>
        <translation>De sidste %1 møder; hvert mødes notat har sine egne svar.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/child_feedback.py" line="116"/>
        <location filename="../../familymeeting/ui/child_feedback.py" line="117"/>
        <source>Did not want to answer</source>
        <translation>Ville ikke svare</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/child_feedback.py" line="121"/>
        <source>–: did not want to answer</source>
        <translation>–: ville ikke svare</translation>
    </message>
</context>
<context>
    <name>ChildModeView</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="136"/>
        <source>End child mode</source>
        <translation>Afslut børnevisning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="147"/>
        <source>Who is answering?</source>
        <translation>Hvem skal svare?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="194"/>
        <source>May the grown-ups see this?</source>
        <translation>Må de voksne se det?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="199"/>
        <source>Your caseworker always sees your answer. Should it also be on the screen and in the family&apos;s plan?</source>
        <translation>Din rådgiver ser altid dit svar. Skal det også stå på skærmen og i familiens plan?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="206"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="207"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="230"/>
        <source>I don&apos;t want to answer</source>
        <translation>Jeg vil ikke svare</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="232"/>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="362"/>
        <source>Next</source>
        <translation>Næste</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="261"/>
        <source>Please give the tablet back.</source>
        <translation>Giv gerne tabletten tilbage.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="267"/>
        <source>Done</source>
        <translation>Færdig</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="352"/>
        <source>last: %1</source>
        <translation>sidst: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="368"/>
        <source>Thank you, %1!</source>
        <translation>Tak, %1!</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="357"/>
        <source>Question %1 of %2</source>
        <translation>Spørgsmål %1 af %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/child_mode.py" line="362"/>
        <source>Finish</source>
        <translation>Færdig</translation>
    </message>
</context>
<context>
    <name>ColumnWidget</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/column.py" line="77"/>
        <location filename="../../familymeeting/ui/meeting/board/column.py" line="148"/>
        <source>+  Add</source>
        <translation>+  Tilføj</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/column.py" line="81"/>
        <source>Add a card to: %1</source>
        <translation>Tilføj et kort til: %1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../familymeeting/ui/crash.py" line="51"/>
        <source>Something went wrong. Details are saved in %1.</source>
        <translation>Noget gik galt. Detaljerne er gemt i %1.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/crash.py" line="54"/>
        <location filename="../../familymeeting/ui/crash.py" line="67"/>
        <source>Something went wrong.</source>
        <translation>Noget gik galt.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/crash.py" line="69"/>
        <source>Your data is safe: every change was saved the moment it was made. You can go on working; if this happens again, restart the program. Details for support (no case text) are in:</source>
        <translation>Dine data er i sikkerhed: hver ændring blev gemt, i det øjeblik den blev lavet. Du kan arbejde videre; sker det igen, så genstart programmet. Detaljer til support (ingen tekst fra sagen) ligger i:</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/crash.py" line="90"/>
        <source>Open folder</source>
        <translation>Åbn mappen</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="374"/>
        <source>Tap to give a date</source>
        <translation>Tryk for at give en dato</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="388"/>
        <location filename="../../familymeeting/ui/timeline.py" line="389"/>
        <source>No date</source>
        <translation>Ingen dato</translation>
    </message>
</context>
<context>
    <name>DeleteFamilyDialog</name>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="112"/>
        <source>Delete the family for good</source>
        <translation>Slet familien for altid</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="118"/>
        <source>Everything about %1 is deleted from this computer: participants, meetings, boards, ratings and plans. It cannot be undone. The backups are written again without the family; the other families&apos; backups stay.</source>
        <translation>Alt om %1 slettes fra denne computer: deltagere, møder, tavler, skalaer og planer. Det kan ikke fortrydes. Sikkerhedskopierne skrives igen uden familien; de andre familiers sikkerhedskopier bliver.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="126"/>
        <source>Type the family&apos;s name to confirm:</source>
        <translation>Skriv familiens navn for at bekræfte:</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="133"/>
        <source>Backups without the family: %v of %m</source>
        <translation>Sikkerhedskopier uden familien: %v af %m</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="153"/>
        <source>Delete for good</source>
        <translation>Slet for altid</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="159"/>
        <source>Delete these copies</source>
        <translation>Slet disse kopier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="164"/>
        <source>Keep them</source>
        <translation>Behold dem</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/access.py" line="213"/>
        <source>The family is deleted. These copies of damaged data, kept in the folder %1, may still hold it:</source>
        <translation>Familien er slettet. Disse kopier af beskadigede data i mappen %1 kan stadig indeholde den:</translation>
    </message>
</context>
<context>
    <name>FamiliesPage</name>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="196"/>
        <location filename="../../familymeeting/ui/families_page.py" line="263"/>
        <source>Families</source>
        <translation>Familier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="205"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="206"/>
        <source>Caseload</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="217"/>
        <location filename="../../familymeeting/ui/families_page.py" line="303"/>
        <source>New family</source>
        <translation>Ny familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="228"/>
        <source>Search by name</source>
        <translation>Søg efter navn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="229"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="235"/>
        <source>Show archived</source>
        <translation>Vis arkiverede</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="286"/>
        <source>No families yet</source>
        <translation>Ingen familier endnu</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="292"/>
        <source>Create the first family before the visit, or try the app with a demo family you can change freely.</source>
        <translation>Opret den første familie før besøget, eller prøv programmet med en demofamilie, som du frit kan ændre i.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="308"/>
        <source>Create demo family</source>
        <translation>Opret demofamilie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="436"/>
        <source>No family matches the search.</source>
        <translation>Ingen familie passer til søgningen.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="441"/>
        <source>All families are archived. Tick “Show archived” to see them.</source>
        <translation>Alle familier er arkiveret. Sæt flueben ved “Vis arkiverede” for at se dem.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="496"/>
        <source>Archived</source>
        <translation>Arkiveret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="500"/>
        <source>1 participant</source>
        <translation>1 deltager</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/families_page.py" line="500"/>
        <source>%n participants</source>
        <translation>
            <numerusform>%n deltager</numerusform>
            <numerusform>%n deltagere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="503"/>
        <source>No meetings yet</source>
        <translation>Ingen møder endnu</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="509"/>
        <source>Next meeting %1</source>
        <translation>Næste møde %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/families_page.py" line="510"/>
        <source>Last meeting %1</source>
        <translation>Seneste møde %1</translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="116"/>
        <source>Edit family</source>
        <translation>Rediger familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="116"/>
        <source>New family</source>
        <translation>Ny familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="137"/>
        <source>e.g. The H. family</source>
        <translation>fx Familien H.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="141"/>
        <source>Initials are fine.</source>
        <translation>Det er fint kun at bruge forbogstaver.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="145"/>
        <source>Family name</source>
        <translation>Familiens navn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="153"/>
        <source>Caseworker</source>
        <translation>Rådgiver</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="155"/>
        <source>Caseworker&apos;s phone</source>
        <translation>Rådgiverens telefon</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="170"/>
        <source>Language of the plan</source>
        <translation>Planens sprog</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="174"/>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="183"/>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="195"/>
        <location filename="../../familymeeting/ui/family_dialog.py" line="272"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="195"/>
        <location filename="../../familymeeting/ui/family_dialog.py" line="277"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="195"/>
        <location filename="../../familymeeting/ui/family_dialog.py" line="284"/>
        <source>Birth year</source>
        <translation>Fødselsår</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="203"/>
        <source>Add participant</source>
        <translation>Tilføj deltager</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="221"/>
        <source>Removed participants are deleted when you save, together with their answers and attendance.</source>
        <translation>Fjernede deltagere slettes, når du gemmer – sammen med deres svar og fremmøde.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="260"/>
        <source>1 year</source>
        <translation>1 år</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/family_dialog.py" line="260"/>
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
        <location filename="../../familymeeting/ui/family_dialog.py" line="421"/>
        <source>Unarchive family</source>
        <translation>Fjern fra arkivet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="421"/>
        <source>Archive family</source>
        <translation>Arkivér familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="436"/>
        <source>By age (yes)</source>
        <translation>Efter alder (ja)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="436"/>
        <location filename="../../familymeeting/ui/family_dialog.py" line="446"/>
        <source>By age (no)</source>
        <translation>Efter alder (nej)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="447"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="448"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="451"/>
        <source>A child gets a plan of its own from the year it turns 10.</source>
        <translation>Et barn får sin egen plan fra det år, det fylder 10.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="454"/>
        <source>The family&apos;s</source>
        <translation>Familiens</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="461"/>
        <source>Own plan</source>
        <translation>Egen plan</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_dialog.py" line="462"/>
        <source>Papers in</source>
        <translation>Papirer på</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="79"/>
        <source>Edit family</source>
        <translation>Rediger familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="98"/>
        <source>New meeting</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="102"/>
        <source>Follow-up meeting</source>
        <translation>Opfølgningsmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="104"/>
        <source>Starts from the chosen meeting&apos;s board, or else the newest one&apos;s.</source>
        <translation>Tager udgangspunkt i tavlen fra det valgte møde, ellers fra det nyeste.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="108"/>
        <source>Meeting record</source>
        <translation>Mødenotat</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="111"/>
        <source>The record of the chosen meeting, or else the newest one, for the case journal</source>
        <translation>Notatet fra det valgte møde, ellers det nyeste, til sagens journal</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="116"/>
        <source>Progress</source>
        <translation>Udvikling</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="117"/>
        <source>Everyone&apos;s ratings across the meetings</source>
        <translation>Alles svar på skalaerne, møde for møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="120"/>
        <source>Plans given to the family</source>
        <translation>Planer givet til familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="121"/>
        <source>Every plan printed or saved, to print again</source>
        <translation>Alle planer, der er udskrevet eller gemt, så de kan udskrives igen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="127"/>
        <source>Access log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="130"/>
        <source>Delete…</source>
        <translation>Slet …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="144"/>
        <location filename="../../familymeeting/ui/family_page.py" line="150"/>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="154"/>
        <source>No meetings yet. Plan the first one with “New meeting”.</source>
        <translation>Ingen møder endnu. Planlæg det første med “Nyt møde”.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="209"/>
        <source>Caseworker: %1</source>
        <translation>Rådgiver: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="211"/>
        <source>Archived</source>
        <translation>Arkiveret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="277"/>
        <source>%1 at %2</source>
        <translation>%1 kl. %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/family_page.py" line="290"/>
        <source>1 year</source>
        <translation>1 år</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/family_page.py" line="290"/>
        <source>%n years</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedbackStep</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="68"/>
        <source>How was the meeting for you?</source>
        <translation>Hvordan var mødet for dig?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="72"/>
        <source>Five short questions about today. You answer them on your own.</source>
        <translation>Fem korte spørgsmål om i dag. Du svarer selv.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="78"/>
        <source>Your caseworker sees your answers and keeps them in your case. They are not put on the family&apos;s plan.</source>
        <translation>Din rådgiver ser dine svar og gemmer dem i din sag. De kommer ikke på familiens plan.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="85"/>
        <source>Skip these questions</source>
        <translation>Spring dem over</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="87"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="104"/>
        <source>About the meeting</source>
        <translation>Om mødet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="122"/>
        <source>I don&apos;t want to answer</source>
        <translation>Jeg vil ikke svare</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="124"/>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="178"/>
        <source>Next</source>
        <translation>Næste</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="173"/>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/feedback.py" line="178"/>
        <source>Finish</source>
        <translation>Færdig</translation>
    </message>
</context>
<context>
    <name>FinishMeetingDialog</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="60"/>
        <source>Finish meeting</source>
        <translation>Afslut møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="66"/>
        <source>Finish the meeting</source>
        <translation>Afslut mødet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="70"/>
        <source>The meeting is marked as finished. Agree on the next meeting, then print or save the plan for the family.</source>
        <translation>Mødet bliver markeret som afsluttet. Aftal næste møde, og udskriv eller gem planen til familien.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="85"/>
        <source>Next meeting</source>
        <translation>Næste møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="90"/>
        <source>Date and time</source>
        <translation>Dato og tid</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="96"/>
        <source>e.g. At the family&apos;s home</source>
        <translation>fx Hjemme hos familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="97"/>
        <source>Place of the next meeting</source>
        <translation>Sted for næste møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="98"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="104"/>
        <source>Meeting record</source>
        <translation>Mødenotat</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="106"/>
        <source>The record for the case journal</source>
        <translation>Notatet til sagens journal</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="119"/>
        <source>Back to the meeting</source>
        <translation>Tilbage til mødet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="123"/>
        <source>Save plan</source>
        <translation>Gem plan</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/finish.py" line="128"/>
        <source>Print plan</source>
        <translation>Udskriv plan</translation>
    </message>
</context>
<context>
    <name>Handouts</name>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="57"/>
        <source>Printed</source>
        <translation>Udskrevet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="58"/>
        <source>Saved as PDF</source>
        <translation>Gemt som PDF</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="59"/>
        <source>Written by the command line</source>
        <translation>Skrevet med kommandolinjen</translation>
    </message>
</context>
<context>
    <name>HandoutsDialog</name>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="76"/>
        <source>Plans given to the family</source>
        <translation>Planer givet til familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="84"/>
        <source>Every plan printed or saved for the family is kept here exactly as they got it, so you can print it again or save it as a PDF.</source>
        <translation>Hver plan, der er udskrevet eller gemt til familien, gemmes her præcis som familien fik den. Du kan udskrive den igen eller gemme den som PDF.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="100"/>
        <source>No plan has been given to the family yet. A plan is kept here when it is printed or saved.</source>
        <translation>Familien har ikke fået en plan endnu. En plan gemmes her, når den bliver udskrevet eller gemt.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="121"/>
        <source>Plan %1 · given %2</source>
        <translation>Plan %1 · givet %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="129"/>
        <source>Meeting %1</source>
        <translation>Møde %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="131"/>
        <source>The meeting has been deleted</source>
        <translation>Mødet er slettet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="137"/>
        <source>Print again…</source>
        <translation>Udskriv igen…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="138"/>
        <source>Print plan %1 again</source>
        <translation>Udskriv plan %1 igen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="140"/>
        <source>Save as PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="141"/>
        <source>Save plan %1 as PDF</source>
        <translation>Gem plan %1 som PDF</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="160"/>
        <source>%1 at %2</source>
        <translation>%1 kl. %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="180"/>
        <source>The printer could not be started.</source>
        <translation>Printeren kunne ikke startes.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="186"/>
        <source>Plan %1 was sent to the printer.</source>
        <translation>Plan %1 er sendt til printeren.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="205"/>
        <source>Saved in %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="211"/>
        <source>Our plan</source>
        <translation>Vores plan</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="219"/>
        <source>Save the plan</source>
        <translation>Gem planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/handouts.py" line="221"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Houses</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="68"/>
        <source>Worries</source>
        <translation>Bekymringer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="69"/>
        <source>Good things</source>
        <translation>Gode ting</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="70"/>
        <source>Dreams</source>
        <translation>Drømme</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="255"/>
        <location filename="../../familymeeting/ui/main_window.py" line="602"/>
        <source>Toolbar</source>
        <translation>Værktøjslinje</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="263"/>
        <location filename="../../familymeeting/ui/main_window.py" line="604"/>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="268"/>
        <location filename="../../familymeeting/ui/main_window.py" line="605"/>
        <source>Families</source>
        <translation>Familier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="281"/>
        <location filename="../../familymeeting/ui/main_window.py" line="606"/>
        <source>Family view</source>
        <translation>Familievisning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="284"/>
        <location filename="../../familymeeting/ui/main_window.py" line="607"/>
        <location filename="../../familymeeting/ui/main_window.py" line="897"/>
        <source>Leave family view</source>
        <translation>Forlad familievisning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="290"/>
        <location filename="../../familymeeting/ui/main_window.py" line="608"/>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="293"/>
        <location filename="../../familymeeting/ui/main_window.py" line="609"/>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="308"/>
        <source>Undo: %1</source>
        <translation>Fortryd: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="311"/>
        <source>Redo: %1</source>
        <translation>Gentag: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="314"/>
        <location filename="../../familymeeting/ui/main_window.py" line="610"/>
        <source>Smaller text</source>
        <translation>Mindre tekst</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="317"/>
        <location filename="../../familymeeting/ui/main_window.py" line="611"/>
        <source>Larger text</source>
        <translation>Større tekst</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="325"/>
        <location filename="../../familymeeting/ui/main_window.py" line="612"/>
        <source>Full screen</source>
        <translation>Fuld skærm</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="330"/>
        <location filename="../../familymeeting/ui/main_window.py" line="613"/>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="334"/>
        <location filename="../../familymeeting/ui/main_window.py" line="614"/>
        <source>Settings and backups</source>
        <translation>Indstillinger og sikkerhedskopier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="340"/>
        <location filename="../../familymeeting/ui/main_window.py" line="616"/>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="372"/>
        <location filename="../../familymeeting/ui/main_window.py" line="621"/>
        <source>More</source>
        <translation>Mere</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="484"/>
        <source>End child mode</source>
        <translation>Afslut børnevisning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="485"/>
        <source>The caseworker’s password is needed to leave the child’s screen.</source>
        <translation>Rådgiverens adgangskode skal til for at forlade barnets skærm.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="486"/>
        <source>Back to the child’s screen</source>
        <translation>Tilbage til barnets skærm</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="642"/>
        <source>Backup failed</source>
        <translation>Sikkerhedskopi mislykkedes</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="898"/>
        <source>The caseworker’s password is needed to see more than this meeting.</source>
        <translation>Rådgiverens adgangskode skal til for at se mere end dette møde.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="899"/>
        <source>Stay in family view</source>
        <translation>Bliv i familievisning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="955"/>
        <source>Saved ✓ %1</source>
        <translation>Gemt ✓ %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="956"/>
        <source>Every change is saved as soon as you make it.</source>
        <translation>Alt gemmes, så snart du ændrer det.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="961"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="337"/>
        <location filename="../../familymeeting/ui/main_window.py" line="615"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>MaintenancePage</name>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="103"/>
        <source>Settings and backups</source>
        <translation>Indstillinger og sikkerhedskopier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="111"/>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="120"/>
        <source>The computer’s language</source>
        <translation>Computerens sprog</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="130"/>
        <source>1 minute</source>
        <translation>1 minut</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="130"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="143"/>
        <source>%n weeks</source>
        <translation>
            <numerusform>%n uge</numerusform>
            <numerusform>%n uger</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="156"/>
        <location filename="../../familymeeting/ui/maintenance.py" line="169"/>
        <source>Backups</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="159"/>
        <source>A backup is made by itself when the program closes or locks, and every half hour while something changes. The newest ten are kept, plus one a day for a week. Backups are encrypted like the data.</source>
        <translation>Der laves af sig selv en sikkerhedskopi, når programmet lukkes eller låses, og hver halve time, når noget ændres. De ti nyeste gemmes, plus én om dagen i en uge. Sikkerhedskopierne er krypteret ligesom dataene.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="173"/>
        <source>No backups yet.</source>
        <translation>Ingen sikkerhedskopier endnu.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="180"/>
        <source>Make a backup now</source>
        <translation>Lav en sikkerhedskopi nu</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="184"/>
        <source>Bring back the chosen backup…</source>
        <translation>Hent den valgte sikkerhedskopi tilbage…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="187"/>
        <source>Check the data</source>
        <translation>Kontrollér dataene</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="189"/>
        <source>Reads every page of the database and of each backup, and changes nothing.</source>
        <translation>Læser hver side i databasen og i hver sikkerhedskopi og ændrer intet.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="193"/>
        <source>Open the folder</source>
        <translation>Åbn mappen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="205"/>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="208"/>
        <source>If the paper with the recovery code is lost, or someone else may have seen it, make a new one. The old code keeps working until you have written the new one down.</source>
        <translation>Hvis papiret med gendannelseskoden er blevet væk, eller andre kan have set den, så lav en ny. Den gamle kode virker, indtil du har skrevet den nye ned.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="218"/>
        <source>New recovery code…</source>
        <translation>Ny gendannelseskode…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="231"/>
        <source>Where the data is</source>
        <translation>Hvor dataene ligger</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="235"/>
        <source>Data folder: %1</source>
        <translation>Datamappe: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="237"/>
        <source>Error log (no case text): %1</source>
        <translation>Fejllog (ingen tekst fra sagerne): %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="250"/>
        <source>Change the data key</source>
        <translation>Skift datanøglen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="253"/>
        <source>After a laptop or an old copy of the key file may have been lost: the data and its backups get a new key, so old key files and old passwords open nothing in this folder.</source>
        <translation>Når en bærbar eller en gammel kopi af nøglefilen kan være blevet væk: dataene og sikkerhedskopierne får en ny nøgle, så gamle nøglefiler og gamle adgangskoder ikke åbner noget i denne mappe.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="261"/>
        <source>Change the data key…</source>
        <translation>Skift datanøglen…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="285"/>
        <source>1 month</source>
        <translation>1 måned</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="287"/>
        <source>%n months</source>
        <translation>
            <numerusform>%n måned</numerusform>
            <numerusform>%n måneder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="289"/>
        <source>1 year</source>
        <translation>1 år</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="289"/>
        <source>%n years</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="420"/>
        <source>The data is sound, but one backup is damaged; it will not be offered.</source>
        <translation>Dataene er i orden, men én sikkerhedskopi er beskadiget; den bliver ikke tilbudt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="423"/>
        <source>The data is sound, but %n backups are damaged; they will not be offered.</source>
        <translation>
            <numerusform>Dataene er i orden, men %n sikkerhedskopi er beskadiget; den bliver ikke tilbudt.</numerusform>
            <numerusform>Dataene er i orden, men %n sikkerhedskopier er beskadiget; de bliver ikke tilbudt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="479"/>
        <source>The data key is changed: the data and %n backup(s) are encrypted with the new key.</source>
        <translation>
            <numerusform>Datanøglen er skiftet: dataene og %n sikkerhedskopi er krypteret med den nye nøgle.</numerusform>
            <numerusform>Datanøglen er skiftet: dataene og %n sikkerhedskopier er krypteret med den nye nøgle.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="486"/>
        <source>These damaged backups were left as they were, under the old key: %1</source>
        <translation>Disse beskadigede sikkerhedskopier er ikke ændret og har stadig den gamle nøgle: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="533"/>
        <source>The new recovery code is in use. The old one no longer works.</source>
        <translation>Den nye gendannelseskode er taget i brug. Den gamle virker ikke længere.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="545"/>
        <source>No new recovery code was made. The old one still works.</source>
        <translation>Der blev ikke lavet en ny gendannelseskode. Den gamle virker stadig.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="321"/>
        <source>The backup is back. What was there before is kept as a backup “from before a restore”.</source>
        <translation>Sikkerhedskopien er hentet tilbage. Det, der var før, er gemt som en sikkerhedskopi “fra før en gendannelse”.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="344"/>
        <source>automatic</source>
        <translation>automatisk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="345"/>
        <source>made by hand</source>
        <translation>lavet i hånden</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="346"/>
        <source>from before a restore</source>
        <translation>fra før en gendannelse</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="347"/>
        <source>after a family was deleted</source>
        <translation>efter en familie blev slettet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="365"/>
        <source>The last automatic backup failed: %1</source>
        <translation>Den seneste automatiske sikkerhedskopi mislykkedes: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="380"/>
        <source>Making a backup…</source>
        <translation>Laver en sikkerhedskopi…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="388"/>
        <source>A backup was made: %1.</source>
        <translation>Der er lavet en sikkerhedskopi: %1.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="398"/>
        <source>Checking every page of the data…</source>
        <translation>Kontrollerer hver side i dataene…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="413"/>
        <source>The database is damaged. Bring back the newest backup, and keep working from there. Restart the program if it asks you to.</source>
        <translation>Databasen er beskadiget. Hent den nyeste sikkerhedskopi tilbage, og arbejd videre derfra. Genstart programmet, hvis det beder dig om det.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="430"/>
        <source>The data is sound: every page was read and checked.</source>
        <translation>Dataene er i orden: hver side er læst og kontrolleret.</translation>
    </message>
</context>
<context>
    <name>MeetingController</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="84"/>
        <source>Add card</source>
        <translation>Tilføj kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="89"/>
        <source>Edit card</source>
        <translation>Ret kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="92"/>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="96"/>
        <source>Move card</source>
        <translation>Flyt kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="99"/>
        <source>Delete card</source>
        <translation>Slet kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="103"/>
        <source>Change kind</source>
        <translation>Skift type</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="107"/>
        <source>Whose words</source>
        <translation>Hvem siger det?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="111"/>
        <source>Agree or disagree</source>
        <translation>Enig eller uenig</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="116"/>
        <source>Change meeting details</source>
        <translation>Ret mødets oplysninger</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="120"/>
        <source>Who is here</source>
        <translation>Hvem er med</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="135"/>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="140"/>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="144"/>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="155"/>
        <source>Add question</source>
        <translation>Tilføj spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="162"/>
        <source>Edit question</source>
        <translation>Ret spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="166"/>
        <source>Delete question</source>
        <translation>Fjern spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="172"/>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="188"/>
        <source>Add to the plan</source>
        <translation>Tilføj til planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="175"/>
        <source>Tick off</source>
        <translation>Sæt flueben</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="175"/>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="198"/>
        <source>Change the plan</source>
        <translation>Ret i planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="180"/>
        <source>Move in the plan</source>
        <translation>Flyt i planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/controller.py" line="184"/>
        <source>Remove from the plan</source>
        <translation>Fjern fra planen</translation>
    </message>
</context>
<context>
    <name>MeetingDetailsDialog</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="53"/>
        <source>Meeting details</source>
        <translation>Om mødet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="70"/>
        <source>Date and time</source>
        <translation>Dato og tid</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="77"/>
        <source>e.g. At the family&apos;s home</source>
        <translation>fx Hjemme hos familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="78"/>
        <location filename="../../familymeeting/ui/meeting/details.py" line="80"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="96"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="98"/>
        <source>Next meeting agreed</source>
        <translation>Næste møde er aftalt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="103"/>
        <source>Next meeting</source>
        <translation>Næste møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="109"/>
        <source>Where the next meeting is</source>
        <translation>Hvor næste møde skal være</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="110"/>
        <location filename="../../familymeeting/ui/meeting/details.py" line="112"/>
        <source>Place of the next meeting</source>
        <translation>Sted for næste møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/details.py" line="116"/>
        <source>Every change is saved at once; Undo takes it back.</source>
        <translation>Alt gemmes med det samme. Fortryd tager det tilbage.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="75"/>
        <source>Follow-up meeting</source>
        <translation>Opfølgningsmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="75"/>
        <source>New meeting</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="91"/>
        <source>Carries the board, the questions and the open actions forward from the meeting of %1.</source>
        <translation>Tager tavlen, spørgsmålene og de åbne aftaler med fra mødet %1.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="112"/>
        <source>Date and time</source>
        <translation>Dato og tid</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="119"/>
        <source>e.g. At the family&apos;s home</source>
        <translation>fx Hjemme hos familien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="120"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="138"/>
        <source>Kind of meeting</source>
        <translation>Mødetype</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="150"/>
        <source>The family has no participants yet.</source>
        <translation>Familien har ingen deltagere endnu.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="153"/>
        <source>Who is taking part?</source>
        <translation>Hvem deltager?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="164"/>
        <source>Start follow-up</source>
        <translation>Start opfølgning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting_dialog.py" line="164"/>
        <source>Create meeting</source>
        <translation>Opret møde</translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="186"/>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="188"/>
        <source>Meeting details</source>
        <translation>Om mødet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="189"/>
        <location filename="../../familymeeting/ui/meeting/header.py" line="241"/>
        <source>Date, place, status and the next meeting</source>
        <translation>Dato, sted, status og næste møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="192"/>
        <location filename="../../familymeeting/ui/meeting/header.py" line="289"/>
        <source>Who is here</source>
        <translation>Hvem er med</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="196"/>
        <source>Who is here: tap to show everyone</source>
        <translation>Hvem er med: tryk for at se alle</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="203"/>
        <source>Finish meeting</source>
        <translation>Afslut møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="207"/>
        <source>Close the meeting, agree on the next one, print the plan</source>
        <translation>Afslut mødet, aftal det næste, og udskriv planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="278"/>
        <source>%1 is here</source>
        <translation>%1 er med</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="278"/>
        <source>%1 is not here</source>
        <translation>%1 er ikke med</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/meeting/header.py" line="285"/>
        <source>%n here</source>
        <translation>
            <numerusform>%n med</numerusform>
            <numerusform>%n med</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/header.py" line="287"/>
        <source>%1 of %2 here</source>
        <translation>%1 af %2 med</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="128"/>
        <source>Close message</source>
        <translation>Luk beskeden</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="142"/>
        <source>Board</source>
        <translation>Tavle</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="143"/>
        <source>Ratings</source>
        <translation>Skalaer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="144"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="423"/>
        <source>The family has no child to draw the houses.</source>
        <translation>Familien har intet barn, der kan tegne husene.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="455"/>
        <source>Finish meeting</source>
        <translation>Afslut møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="522"/>
        <source>Who agrees, and who does not?</source>
        <translation>Hvem er enig, og hvem er ikke?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="527"/>
        <source>Edit text</source>
        <translation>Ret teksten</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="531"/>
        <source>Move to</source>
        <translation>Flyt til</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="541"/>
        <source>Move up</source>
        <translation>Flyt op</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="544"/>
        <source>Move down</source>
        <translation>Flyt ned</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="548"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="562"/>
        <source>Whose words?</source>
        <translation>Hvem siger det?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="566"/>
        <source>Nobody in particular</source>
        <translation>Ingen bestemt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="586"/>
        <source>Make it part of the plan</source>
        <translation>Gør det til en del af planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="586"/>
        <source>Part of the plan ✓</source>
        <translation>Er med i planen ✓</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/page.py" line="592"/>
        <source>Delete card</source>
        <translation>Slet kort</translation>
    </message>
</context>
<context>
    <name>MeetingRecordDialog</name>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="71"/>
        <location filename="../../familymeeting/ui/record.py" line="76"/>
        <source>Meeting record</source>
        <translation>Mødenotat</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="80"/>
        <source>For the case journal. The family&apos;s plan never shows what is written here.</source>
        <translation>Til sagens journal. Det, der står her, kommer aldrig med i familiens plan.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="86"/>
        <source>Professional assessment</source>
        <translation>Faglig vurdering</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="88"/>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="91"/>
        <source>Other professionals present (one per line)</source>
        <translation>Andre fagpersoner til stede (én pr. linje)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="102"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="106"/>
        <source>Copy as text</source>
        <translation>Kopiér som tekst</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="110"/>
        <source>Save as PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="114"/>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="149"/>
        <source>Saved ✓</source>
        <translation>Gemt ✓</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="159"/>
        <source>The record is copied. Paste it into the case system.</source>
        <translation>Notatet er kopieret. Sæt det ind i sagssystemet.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="174"/>
        <source>Saved in %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="187"/>
        <source>Save the meeting record</source>
        <translation>Gem mødenotatet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/record.py" line="189"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NewPasswordForm</name>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="202"/>
        <location filename="../../familymeeting/ui/password.py" line="203"/>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="208"/>
        <location filename="../../familymeeting/ui/password.py" line="209"/>
        <source>The same password again</source>
        <translation>Den samme adgangskode igen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="223"/>
        <source>The passwords are the same.</source>
        <translation>Adgangskoderne er ens.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="225"/>
        <source>The two passwords are not the same yet.</source>
        <translation>De to adgangskoder er ikke ens endnu.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryCodeDialog</name>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="640"/>
        <source>New recovery code</source>
        <translation>Ny gendannelseskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="641"/>
        <source>Make a new recovery code?</source>
        <translation>Lav en ny gendannelseskode?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="643"/>
        <source>Type your password. The new code is shown next; when you have written it down, it replaces the old one. Until then the old code keeps working.</source>
        <translation>Skriv din adgangskode. Derefter vises den nye kode; når du har skrevet den ned, afløser den den gamle. Indtil da virker den gamle kode stadig.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="646"/>
        <source>Make a new code</source>
        <translation>Lav en ny kode</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="80"/>
        <location filename="../../familymeeting/ui/password.py" line="89"/>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="81"/>
        <source>Show the password</source>
        <translation>Vis adgangskoden</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="89"/>
        <source>Hide</source>
        <translation>Skjul</translation>
    </message>
</context>
<context>
    <name>PasswordTaskDialog</name>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="578"/>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
</context>
<context>
    <name>PlanPreviewPage</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="114"/>
        <source>Back to the plan</source>
        <translation>Tilbage til planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="116"/>
        <source>Print…</source>
        <translation>Udskriv …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="117"/>
        <source>Save as PDF…</source>
        <translation>Gem som PDF …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="130"/>
        <source>Which plan</source>
        <translation>Hvilken plan</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="188"/>
        <source>Child&apos;s plan: %1</source>
        <translation>Barnets plan: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="211"/>
        <source>Making the plan…</source>
        <translation>Laver planen …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="261"/>
        <source>The plan was too long for one page, so some lists were shortened. Check it before you print.</source>
        <translation>Planen var for lang til én side, så nogle lister er forkortet. Se den igennem, før du udskriver.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="267"/>
        <source>Some characters cannot be printed and are shown as □: %1</source>
        <translation>Nogle tegn kan ikke udskrives og vises som □: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="274"/>
        <source>One page, ready to print or save.</source>
        <translation>Én side, klar til at udskrive eller gemme.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="293"/>
        <source>The plan could not be made. Details are saved in %1.</source>
        <translation>Planen kunne ikke laves. Detaljer er gemt i %1.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="311"/>
        <source>Saved in %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="335"/>
        <source>The plan was handed out, but no copy could be kept: %1</source>
        <translation>Familien har fået planen, men der kunne ikke gemmes en kopi: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="185"/>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="346"/>
        <source>Our plan</source>
        <translation>Vores plan</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="350"/>
        <source>My plan</source>
        <translation>Min plan</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="367"/>
        <source>Save the plan</source>
        <translation>Gem planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="369"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/preview.py" line="384"/>
        <source>The printer could not be started.</source>
        <translation>Printeren kunne ikke startes.</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="234"/>
        <source>What needs to happen: who does what, and by when</source>
        <translation>Det skal der ske: hvem gør hvad, og hvornår</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="237"/>
        <source>Add to the plan</source>
        <translation>Tilføj til planen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="239"/>
        <source>Preview the plan</source>
        <translation>Forhåndsvis plan</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="268"/>
        <source>Nothing in the plan yet. Add a line here, or use “Make it part of the plan” on a card in “What needs to happen”.</source>
        <translation>Der er intet i planen endnu. Tilføj en linje her, eller brug “Gør det til en del af planen” på et kort i “Det skal der ske”.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="283"/>
        <source>Where we meet next time</source>
        <translation>Hvor vi mødes næste gang</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="295"/>
        <source>Next meeting, place</source>
        <translation>Næste møde, sted</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="296"/>
        <source>Caseworker</source>
        <translation>Rådgiver</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="297"/>
        <source>Caseworker&apos;s phone</source>
        <translation>Rådgiverens telefon</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="299"/>
        <source>The date of the next meeting is set in &quot;Meeting&quot; or &quot;Finish meeting&quot; above.</source>
        <translation>Datoen for næste møde sættes under &quot;Møde&quot; eller &quot;Afslut møde&quot; øverst.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="415"/>
        <source>new: %1</source>
        <translation>nyt: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="417"/>
        <source>done: %1</source>
        <translation>klaret: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="419"/>
        <source>the next meeting has changed</source>
        <translation>næste møde er ændret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/plan/view.py" line="421"/>
        <source>New since the last plan the family got: %1</source>
        <translation>Nyt siden den sidste plan, familien fik: %1</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="603"/>
        <source>Progress</source>
        <translation>Udvikling</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="607"/>
        <source>Children&apos;s feedback</source>
        <translation>Børnenes feedback</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="608"/>
        <source>What the children said about the meetings</source>
        <translation>Det, børnene selv har sagt om møderne</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="647"/>
        <source>No ratings yet. When people have answered the rating questions in a meeting, their answers appear here, meeting by meeting.</source>
        <translation>Ingen svar endnu. Når deltagerne har svaret på skalaspørgsmålene på et møde, vises svarene her, møde for møde.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/progress.py" line="688"/>
        <source>%n meeting(s) with answers</source>
        <translation>
            <numerusform>%n møde med svar</numerusform>
            <numerusform>%n møder med svar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="739"/>
        <source>Question for the children</source>
        <translation>Spørgsmål til børnene</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="949"/>
        <source>d MMM yyyy</source>
        <comment>Qt date format: a meeting date on the chart, with year</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="951"/>
        <source>d MMM</source>
        <comment>Qt date format: a meeting date on the chart</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="963"/>
        <source>%1 %2</source>
        <comment>a person&apos;s only answer so far: name, number</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/progress.py" line="968"/>
        <source>%1 %2 → %3</source>
        <comment>name, first answer → latest answer</comment>
        <translation>%1 %2 → %3</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="65"/>
        <source>Edit question</source>
        <translation>Ret spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="65"/>
        <source>New question</source>
        <translation>Nyt spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="72"/>
        <source>On a scale from 1 to 10, …</source>
        <translation>På en skala fra 1 til 10, …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="109"/>
        <source>Question</source>
        <translation>Spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="110"/>
        <source>The word at 1</source>
        <translation>Ordet ved 1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="111"/>
        <source>The word at 10</source>
        <translation>Ordet ved 10</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="112"/>
        <source>Who answers</source>
        <translation>Hvem svarer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="155"/>
        <source>Please write the question.</source>
        <translation>Skriv spørgsmålet.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="159"/>
        <source>Please choose who answers the question.</source>
        <translation>Vælg, hvem der skal svare på spørgsmålet.</translation>
    </message>
</context>
<context>
    <name>RatingSlider</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/slider.py" line="392"/>
        <location filename="../../familymeeting/ui/meeting/ratings/slider.py" line="581"/>
        <source>Won&apos;t answer</source>
        <translation>Vil ikke svare</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/slider.py" line="394"/>
        <source>Tap to answer</source>
        <translation>Tryk for at svare</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/slider.py" line="395"/>
        <location filename="../../familymeeting/ui/meeting/ratings/slider.py" line="581"/>
        <source>Not answered yet</source>
        <translation>Ikke svaret endnu</translation>
    </message>
</context>
<context>
    <name>RatingsView</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="404"/>
        <source>New question</source>
        <translation>Nyt spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="406"/>
        <source>Child&apos;s turn</source>
        <translation>Barnets tur</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="409"/>
        <source>One question at a time, big and simple, for a child to answer</source>
        <translation>Ét spørgsmål ad gangen, stort og enkelt, som et barn kan svare på</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="412"/>
        <source>Three houses</source>
        <translation>Tre huse</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="414"/>
        <source>A child draws and says worries, good things and dreams</source>
        <translation>Et barn tegner og fortæller om bekymringer, gode ting og drømme</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="518"/>
        <source>Nobody is marked as here yet, so everyone is shown. Tap the names above.</source>
        <translation>Ingen er markeret som til stede endnu, så alle vises. Tryk på navnene ovenfor.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="557"/>
        <source>Edit</source>
        <translation>Ret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="559"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="627"/>
        <source>Won&apos;t answer</source>
        <translation>Vil ikke svare</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="633"/>
        <source>Change comment…</source>
        <translation>Ret kommentar …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="633"/>
        <source>Comment…</source>
        <translation>Kommentar …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/ratings/view.py" line="639"/>
        <source>Remove the answer</source>
        <translation>Fjern svaret</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="304"/>
        <source>Your recovery code</source>
        <translation>Din gendannelseskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="312"/>
        <source>If you forget your password, this code is the only other way to open your data. Write it on paper now and keep it somewhere safe, away from this computer. It is shown only this once.</source>
        <translation>Hvis du glemmer din adgangskode, er denne kode den eneste anden vej ind til dine data. Skriv den på papir nu, og gem den et sikkert sted, væk fra computeren. Den vises kun denne ene gang.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="320"/>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="337"/>
        <source>Without the password and without this code, nobody can read the data again — not you, not your IT support, not the makers of familymeeting.</source>
        <translation>Uden adgangskoden og uden denne kode kan ingen læse dataene igen — hverken du, din it-support eller dem, der har lavet familymeeting.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="345"/>
        <source>I have written the code down</source>
        <translation>Jeg har skrevet koden ned</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="350"/>
        <source>Continue</source>
        <translation>Fortsæt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="357"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="54"/>
        <source>Change the data key</source>
        <translation>Skift datanøglen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="59"/>
        <source>Change the data key?</source>
        <translation>Skift datanøglen?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="63"/>
        <source>The data and every backup in its folder are encrypted again with a new key. Do it if a laptop or an old copy of the key file may have been lost: old key files and old passwords then open nothing in this folder.</source>
        <translation>Dataene og alle sikkerhedskopier i mappen bliver krypteret igen med en ny nøgle. Gør det, hvis en bærbar eller en gammel kopi af nøglefilen kan være blevet væk: gamle nøglefiler og gamle adgangskoder åbner så ikke noget i denne mappe.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="72"/>
        <source>Your password stays the same. You get a new recovery code, and the old one stops working. It takes a while with many backups.</source>
        <translation>Din adgangskode er den samme. Du får en ny gendannelseskode, og den gamle holder op med at virke. Det tager lidt tid, hvis der er mange sikkerhedskopier.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="78"/>
        <source>Current password</source>
        <translation>Nuværende adgangskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="88"/>
        <source>Progress</source>
        <translation>Fremskridt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="94"/>
        <source>Change the key</source>
        <translation>Skift nøglen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="122"/>
        <source>Encrypting the data with the new key…</source>
        <translation>Krypterer dataene med den nye nøgle…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="136"/>
        <source>Encrypting the backups with the new key…</source>
        <translation>Krypterer sikkerhedskopierne med den nye nøgle…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="137"/>
        <source>Backups: %v of %m</source>
        <translation>Sikkerhedskopier: %v af %m</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="146"/>
        <source>The data key is changed.</source>
        <translation>Datanøglen er skiftet.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/rekey.py" line="152"/>
        <source>The data key is changed. The old recovery code no longer works: write down this new one.</source>
        <translation>Datanøglen er skiftet. Den gamle gendannelseskode virker ikke længere: skriv denne nye ned.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="664"/>
        <source>Bring back a backup</source>
        <translation>Hent en sikkerhedskopi tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="665"/>
        <source>Bring back the backup?</source>
        <translation>Hent sikkerhedskopien tilbage?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="667"/>
        <source>The data in the program will be as it was on %1. What is there now is kept as a backup first, so you can go back to it. Type your password to go on.</source>
        <translation>Dataene i programmet bliver, som de var %1. Det, der er nu, gemmes først som en sikkerhedskopi, så du kan gå tilbage til det. Skriv din adgangskode for at fortsætte.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/maintenance.py" line="670"/>
        <source>Bring it back</source>
        <translation>Hent den tilbage</translation>
    </message>
</context>
<context>
    <name>RestoreFileForm</name>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="100"/>
        <source>Bring back a backup file</source>
        <translation>Hent data fra en sikkerhedskopi</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="104"/>
        <source>On a new computer, your data comes back from a backup file, for example one on a USB stick. An automatic backup needs its .keys file beside it. The backup opens with the password or the recovery code from the time it was made.</source>
        <translation>På en ny computer henter du dine data fra en sikkerhedskopi, fx en fil på et USB-stik. En automatisk sikkerhedskopi skal have sin .keys-fil liggende ved siden af sig. Sikkerhedskopien åbnes med den adgangskode eller gendannelseskode, der gjaldt, da den blev lavet.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="113"/>
        <source>No file chosen yet.</source>
        <translation>Der er ikke valgt nogen fil endnu.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="116"/>
        <source>Choose file…</source>
        <translation>Vælg fil…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="123"/>
        <source>I know the password of that time</source>
        <translation>Jeg kender adgangskoden fra dengang</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="124"/>
        <source>I have the recovery code of that time</source>
        <translation>Jeg har gendannelseskoden fra dengang</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="134"/>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="139"/>
        <location filename="../../familymeeting/ui/startup.py" line="140"/>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="148"/>
        <source>Then choose a new password; the old one stops working.</source>
        <translation>Vælg derefter en ny adgangskode; den gamle holder op med at virke.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="161"/>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="165"/>
        <source>Bring it back</source>
        <translation>Hent den tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="212"/>
        <source>Choose the backup file</source>
        <translation>Vælg sikkerhedskopien</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="214"/>
        <source>Backups (*.fmbackup *.db);;All files (*)</source>
        <translation>Sikkerhedskopier (*.fmbackup *.db);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="226"/>
        <source>Backup file: %1</source>
        <translation>Sikkerhedskopi: %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="247"/>
        <source>Bringing back the backup… This takes a moment.</source>
        <translation>Henter sikkerhedskopien tilbage… Det tager et øjeblik.</translation>
    </message>
</context>
<context>
    <name>RestoreOfferDialog</name>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="64"/>
        <source>The data file was damaged</source>
        <translation>Datafilen var beskadiget</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="68"/>
        <source>The program found damage in its data file and did not open it, so nothing in it was changed. The file has been moved to %1 and is kept there.</source>
        <translation>Programmet fandt skader i sin datafil og åbnede den ikke, så intet i den er ændret. Filen er flyttet til %1 og bliver liggende der.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="75"/>
        <source>The data file is missing</source>
        <translation>Datafilen mangler</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="79"/>
        <source>The data file is not in its folder (%1), but there are backups.</source>
        <translation>Datafilen ligger ikke i sin mappe (%1), men der er sikkerhedskopier.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="89"/>
        <source>The newest backup that passes its check is from %1. Bring it back to go on working; changes made after that time are not in it.</source>
        <translation>Den nyeste sikkerhedskopi, der består sin kontrol, er fra %1. Hent den tilbage for at arbejde videre; ændringer lavet efter det tidspunkt er ikke med i den.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="94"/>
        <source>Bring back the backup</source>
        <translation>Hent sikkerhedskopien tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="100"/>
        <source>There is no backup that passes its check. You can start with empty data; give the damaged file to IT support, who may be able to rescue it.</source>
        <translation>Der er ingen sikkerhedskopi, der består sin kontrol. Du kan starte med tomme data; giv den beskadigede fil til IT-supporten, som måske kan redde den.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="106"/>
        <source>Start with empty data</source>
        <translation>Start med tomme data</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="112"/>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/recovery.py" line="131"/>
        <source>One moment…</source>
        <translation>Et øjeblik…</translation>
    </message>
</context>
<context>
    <name>SentenceRow</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="163"/>
        <source>May your parents see it?</source>
        <translation>Må dine forældre se det?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="166"/>
        <source>On the board ✓</source>
        <translation>På tavlen ✓</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="169"/>
        <source>Put on the board</source>
        <translation>Sæt på tavlen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="172"/>
        <source>Only what the child shares can go on the board</source>
        <translation>Kun det, barnet deler, kan komme på tavlen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="173"/>
        <source>Change</source>
        <translation>Ret</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="174"/>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../familymeeting/settings.py" line="49"/>
        <source>Text size</source>
        <translation>Tekststørrelse</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="52"/>
        <source>Full screen</source>
        <translation>Fuld skærm</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="55"/>
        <source>Last family opened</source>
        <translation>Senest åbnede familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="58"/>
        <source>Last meeting opened</source>
        <translation>Senest åbnede møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="65"/>
        <source>Lock after this long without use</source>
        <translation>Lås efter så lang tid uden brug</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="74"/>
        <source>Keep the access log for</source>
        <translation>Gem adgangsloggen i</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="82"/>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="89"/>
        <source>Window size and place</source>
        <translation>Vinduets størrelse og plads</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="95"/>
        <source>Last folder saved in</source>
        <translation>Senest gemt i mappen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/settings.py" line="104"/>
        <source>Flag families without a meeting for</source>
        <translation>Markér familier uden møde i</translation>
    </message>
</context>
<context>
    <name>SetupPasswordDialog</name>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="317"/>
        <source>Choose a password</source>
        <translation>Vælg en adgangskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="320"/>
        <source>This version of familymeeting keeps your data encrypted. Choose a password: your families and meetings are kept, now locked with it.</source>
        <translation>Denne version af familymeeting gemmer dine data krypteret. Vælg en adgangskode: dine familier og møder bevares og låses nu med den.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="325"/>
        <source>familymeeting keeps what families tell you encrypted on this computer. You will type this password every time you open the app.</source>
        <translation>familymeeting gemmer det, familierne fortæller dig, krypteret på denne computer. Du skal skrive adgangskoden, hver gang du åbner programmet.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="341"/>
        <source>Have you used familymeeting on another computer?</source>
        <translation>Har du brugt familymeeting på en anden computer?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="357"/>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="361"/>
        <source>Continue</source>
        <translation>Fortsæt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="345"/>
        <source>Bring back a backup file instead…</source>
        <translation>Hent data fra en sikkerhedskopi i stedet…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="409"/>
        <source>Encrypting your data… This takes a moment.</source>
        <translation>Krypterer dine data… Det tager et øjeblik.</translation>
    </message>
</context>
<context>
    <name>ShareChoice</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="116"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="117"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>StanceSheet</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/stances.py" line="88"/>
        <source>Who agrees?</source>
        <translation>Hvem er enig?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/stances.py" line="95"/>
        <source>Who agrees, and who does not?</source>
        <translation>Hvem er enig, og hvem er ikke?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/stances.py" line="108"/>
        <source>Not here today</source>
        <translation>Ikke med i dag</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/stances.py" line="126"/>
        <source>Done</source>
        <translation>Færdig</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/stances.py" line="146"/>
        <source>Agrees</source>
        <translation>Enig</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/stances.py" line="147"/>
        <source>Disagrees</source>
        <translation>Uenig</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/board/stances.py" line="148"/>
        <source>Not said</source>
        <translation>Ikke sagt</translation>
    </message>
</context>
<context>
    <name>StartupFlow</name>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="480"/>
        <source>Welcome back</source>
        <translation>Velkommen tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/startup.py" line="481"/>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="125"/>
        <source>Very weak</source>
        <translation>Meget svag</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="126"/>
        <source>Weak</source>
        <translation>Svag</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="127"/>
        <source>Fair</source>
        <translation>Rimelig</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="128"/>
        <source>Good</source>
        <translation>God</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="129"/>
        <source>Strong</source>
        <translation>Stærk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="135"/>
        <source>Use at least %1 characters.</source>
        <translation>Brug mindst %1 tegn.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="138"/>
        <source>Avoid repeating the same characters.</source>
        <translation>Undgå at gentage de samme tegn.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="139"/>
        <source>Mix letters with digits or signs, or add another word.</source>
        <translation>Bland bogstaver med tal eller tegn, eller tilføj et ord mere.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="141"/>
        <source>Words like months, seasons or “password” are guessed first. Choose others.</source>
        <translation>Ord som måneder, årstider eller “adgangskode” gættes først. Vælg nogle andre.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="148"/>
        <location filename="../../familymeeting/ui/password.py" line="156"/>
        <source>Several unrelated words are easy to remember and hard to guess.</source>
        <translation>Flere ord, der ikke hænger sammen, er lette at huske og svære at gætte.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/password.py" line="160"/>
        <source>Strength: %1</source>
        <translation>Styrke: %1</translation>
    </message>
</context>
<context>
    <name>TeamFileProblemDialog</name>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="180"/>
        <source>Statistics files</source>
        <translation>Statistikfiler</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="184"/>
        <source>The files could not be read</source>
        <translation>Filerne kunne ikke læses</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="189"/>
        <source>The page still shows the figures it showed before.</source>
        <translation>Siden viser stadig de tal, den viste før.</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="79"/>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="237"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="241"/>
        <source>Your team&apos;s figures, from the statistics files the caseworkers saved, by quarter. No family, child or caseworker is named; a figure about fewer than 5 families or children shows as “&lt; 5”.</source>
        <translation>Teamets tal fra de statistikfiler, rådgiverne har gemt, kvartal for kvartal. Ingen familie, intet barn og ingen rådgiver nævnes; et tal om færre end 5 familier eller børn vises som “&lt; 5”.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="249"/>
        <source>Open statistics files…</source>
        <translation>Åbn statistikfiler…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="253"/>
        <source>Save report as PDF…</source>
        <translation>Gem rapport som PDF…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="265"/>
        <source>Reading the files…</source>
        <translation>Læser filerne…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="273"/>
        <source>Open the statistics files (.parquet) your team saved to see the figures.</source>
        <translation>Åbn de statistikfiler (.parquet), dit team har gemt, for at se tallene.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="301"/>
        <source>Open statistics files</source>
        <translation>Åbn statistikfiler</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="303"/>
        <source>Statistics files (*.parquet);;All files (*)</source>
        <translation>Statistikfiler (*.parquet);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="366"/>
        <source>Case pace</source>
        <translation>Sagernes tempo</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="372"/>
        <source>In the trial: %1 days on average before, %2 after.</source>
        <translation>I frikommuneforsøget: %1 dage i gennemsnit før, %2 efter.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="394"/>
        <location filename="../../familymeeting/ui/team_page.py" line="452"/>
        <location filename="../../familymeeting/ui/team_page.py" line="475"/>
        <source>Quarter</source>
        <translation>Kvartal</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="395"/>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="396"/>
        <source>Mean</source>
        <translation>Gennemsnit</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="397"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="398"/>
        <source>Middle half</source>
        <translation>Midterste halvdel</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="403"/>
        <source>Ratings: first → latest answer</source>
        <translation>Skalaer: første → seneste svar</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="407"/>
        <source>People who answered a question at two meetings or more: the share whose latest answer is higher, the same or lower than their first.</source>
        <translation>Personer, der har svaret på et spørgsmål ved to møder eller flere: andelen, hvis seneste svar er højere, det samme eller lavere end det første.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="416"/>
        <location filename="../../familymeeting/ui/team_page.py" line="453"/>
        <source>Question</source>
        <translation>Spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="417"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="418"/>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="419"/>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="420"/>
        <source>Up</source>
        <translation>Op</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="421"/>
        <source>Same</source>
        <translation>Samme</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="422"/>
        <source>Down</source>
        <translation>Ned</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="439"/>
        <source>The children&apos;s own feedback</source>
        <translation>Børnenes egen feedback</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="443"/>
        <source>Per question: the children asked, and the share of those who answered 9–10 and 1–3.</source>
        <translation>For hvert spørgsmål: de børn, der blev spurgt, og andelen af dem, der svarede, som svarede 9–10 og 1–3.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="454"/>
        <location filename="../../familymeeting/ui/team_page.py" line="588"/>
        <source>Children</source>
        <translation>Børn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="471"/>
        <source>Meetings and plans per family</source>
        <translation>Møder og planer pr. familie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="476"/>
        <source>Families</source>
        <translation>Familier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="477"/>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="478"/>
        <source>Plans</source>
        <translation>Planer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/team_page.py" line="496"/>
        <source>%n file(s) read</source>
        <translation>
            <numerusform>%n fil læst</numerusform>
            <numerusform>%n filer læst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/team_page.py" line="503"/>
        <source>%n repeated export(s) left out (the newest counts)</source>
        <translation>
            <numerusform>%n gentaget eksport udeladt (den nyeste tæller)</numerusform>
            <numerusform>%n gentagne eksporter udeladt (den nyeste tæller)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="526"/>
        <source>No figures in these files.</source>
        <translation>Ingen tal i disse filer.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="562"/>
        <source>Days from concern to decision</source>
        <translation>Dage fra bekymring til beslutning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="563"/>
        <source>Days from decision to help</source>
        <translation>Dage fra beslutning til hjælp</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="568"/>
        <source>Q%1 %2</source>
        <translation>%1. kvt. %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="573"/>
        <source>Good to be at home</source>
        <translation>Hvor godt er det at være dig derhjemme</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="574"/>
        <source>The safety scale</source>
        <translation>Sikkerhedsskalaen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="575"/>
        <source>Sure the plan will work</source>
        <translation>Hvor sikker på, at planen lykkes</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="582"/>
        <source>The team&apos;s own questions</source>
        <translation>Teamets egne spørgsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="589"/>
        <source>Parents and caregivers</source>
        <translation>Forældre og omsorgspersoner</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="590"/>
        <source>Network</source>
        <translation>Netværk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="591"/>
        <source>Professionals</source>
        <translation>Fagpersoner</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="592"/>
        <source>Others</source>
        <translation>Andre</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="597"/>
        <source>Adult</source>
        <translation>Voksen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="599"/>
        <source>Unknown</source>
        <translation>Alder ukendt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="600"/>
        <source>%1 years</source>
        <translation>%1 år</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="616"/>
        <source>Save the team report</source>
        <translation>Gem teamrapporten</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="618"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_page.py" line="647"/>
        <source>Saved in %1</source>
        <translation>Gemt i %1</translation>
    </message>
</context>
<context>
    <name>TeamStatisticsBlock</name>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="68"/>
        <source>Statistics for the team</source>
        <translation>Statistik til teamet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="73"/>
        <source>Figures for the team leader, under pseudonyms: how long cases take, meetings and plans, and the ratings and children&apos;s feedback as numbers. Never names, text, birth years or dates. The team key comes from the team leader; the same key for the whole team.</source>
        <translation>Tal til teamlederen, under pseudonymer: hvor lang tid sagerne tager, møder og planer, og skalaerne og børnenes feedback som tal. Aldrig navne, tekst, fødselsår eller datoer. Teamnøglen får du af teamlederen; hele teamet bruger den samme nøgle.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="88"/>
        <source>Load team key…</source>
        <translation>Indlæs teamnøgle…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="91"/>
        <source>Remove team key</source>
        <translation>Fjern teamnøgle</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="102"/>
        <location filename="../../familymeeting/ui/team_statistics.py" line="115"/>
        <source>From quarter</source>
        <translation>Fra kvartal</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="104"/>
        <location filename="../../familymeeting/ui/team_statistics.py" line="116"/>
        <source>To quarter</source>
        <translation>Til kvartal</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="120"/>
        <source>Save statistics…</source>
        <translation>Gem statistik…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="135"/>
        <source>Q%1 %2</source>
        <translation>%1. kvartal %2</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="142"/>
        <source>Team key loaded: %1. Check it with your team leader.</source>
        <translation>Teamnøglen er indlæst: %1. Tjek den med din teamleder.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="150"/>
        <source>No team key is loaded, so statistics cannot be saved. Ask your team leader for the team key file.</source>
        <translation>Der er ikke indlæst en teamnøgle, så statistikken kan ikke gemmes. Bed din teamleder om teamnøglefilen.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="173"/>
        <source>Choose the team key file</source>
        <translation>Vælg teamnøglefilen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="175"/>
        <source>Team key files (*.json);;All files (*)</source>
        <translation>Teamnøglefiler (*.json);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="193"/>
        <source>The team key %1 is loaded.</source>
        <translation>Teamnøglen %1 er indlæst.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="199"/>
        <source>The team key is removed. No statistics can be saved until one is loaded.</source>
        <translation>Teamnøglen er fjernet. Der kan ikke gemmes statistik, før en ny er indlæst.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="213"/>
        <source>Load the team key first.</source>
        <translation>Indlæs teamnøglen først.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="217"/>
        <source>Save the statistics</source>
        <translation>Gem statistikken</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="219"/>
        <source>Parquet files (*.parquet)</source>
        <translation>Parquet-filer (*.parquet)</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="237"/>
        <source>Saving the statistics…</source>
        <translation>Gemmer statistikken…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="248"/>
        <source>Saved the statistics for %1 in %2.</source>
        <translation>Statistikken for %1 er gemt i %2.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/team_statistics.py" line="252"/>
        <source>Saved the statistics for %1 to %2 in %3.</source>
        <translation>Statistikken for %1 til %2 er gemt i %3.</translation>
    </message>
</context>
<context>
    <name>ThreeHousesDialog</name>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="208"/>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="216"/>
        <source>Three houses</source>
        <translation>Tre huse</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="226"/>
        <source>Houses of %1</source>
        <translation>Tre huse for %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="233"/>
        <source>You decide for each thing if your parents may see it. If you say yes, it can go on the board and on your paper. If you say no, it does not, but it is kept in your case, and parents can sometimes be allowed to read that.</source>
        <translation>Du bestemmer for hver ting, om dine forældre må se den. Siger du ja, kan den komme på tavlen og på dit papir. Siger du nej, gør den ikke, men den bliver gemt i din sag, og forældre kan nogle gange få lov at læse den.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="276"/>
        <source>Colour %1</source>
        <translation>Farve %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="281"/>
        <source>Eraser</source>
        <translation>Viskelæder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="284"/>
        <source>Takes away each line it touches</source>
        <translation>Fjerner hver streg, det rører</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="287"/>
        <source>Undo line</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="295"/>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="505"/>
        <source>Drawing</source>
        <translation>Tegning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="310"/>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="331"/>
        <source>What the child says</source>
        <translation>Det siger barnet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="330"/>
        <source>Type what the child says</source>
        <translation>Skriv det, barnet siger</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="334"/>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="470"/>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="494"/>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="351"/>
        <source>The child&apos;s paper (PDF)…</source>
        <translation>Barnets papir (PDF)…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="352"/>
        <source>My three houses: only what the child shared</source>
        <translation>Mine tre huse: kun det, barnet har delt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="354"/>
        <source>For the case file (PDF)…</source>
        <translation>Til sagen (PDF)…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="355"/>
        <source>Everything, also what the child did not share</source>
        <translation>Det hele, også det barnet ikke har delt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="358"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="418"/>
        <source>May your parents see the drawing?</source>
        <translation>Må dine forældre se tegningen?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="464"/>
        <source>Change a sentence</source>
        <translation>Ret en sætning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="467"/>
        <source>Add a sentence</source>
        <translation>Tilføj en sætning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="478"/>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="483"/>
        <source>May the parents see it</source>
        <translation>Må forældrene se det</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="489"/>
        <source>Put on the board</source>
        <translation>Sæt på tavlen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="496"/>
        <source>Delete a sentence</source>
        <translation>Slet en sætning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="509"/>
        <source>The drawing is full. Take a line away to draw more.</source>
        <translation>Tegningen er fuld. Fjern en streg for at tegne mere.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="533"/>
        <source>Saved in %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="539"/>
        <source>For the case file</source>
        <translation>Til sagen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="539"/>
        <source>My three houses</source>
        <translation>Mine tre huse</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="545"/>
        <source>Save the three houses</source>
        <translation>Gem de tre huse</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/meeting/houses/page.py" line="547"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="217"/>
        <source>Case dates…</source>
        <translation>Sagens datoer …</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="223"/>
        <source>Case timeline</source>
        <translation>Sagens forløb</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="226"/>
        <source>● key dates · □ meetings</source>
        <translation>● sagens datoer · □ møder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/timeline.py" line="258"/>
        <source>The whole family</source>
        <translation>Hele familien</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/timeline.py" line="271"/>
        <source>from concern to decision: %n days</source>
        <translation>
            <numerusform>fra bekymring til beslutning: %n dag</numerusform>
            <numerusform>fra bekymring til beslutning: %n dage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/timeline.py" line="272"/>
        <source>from decision to help: %n days</source>
        <translation>
            <numerusform>fra beslutning til hjælp: %n dag</numerusform>
            <numerusform>fra beslutning til hjælp: %n dage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/timeline.py" line="275"/>
        <source>waiting for a decision: %n days</source>
        <translation>
            <numerusform>venter på beslutning: %n dag</numerusform>
            <numerusform>venter på beslutning: %n dage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/timeline.py" line="276"/>
        <source>waiting for help: %n days</source>
        <translation>
            <numerusform>venter på hjælp: %n dag</numerusform>
            <numerusform>venter på hjælp: %n dage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="424"/>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
</context>
<context>
    <name>UnlockWidget</name>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="124"/>
        <source>familymeeting is locked</source>
        <translation>familymeeting er låst</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="126"/>
        <source>Type your password to open your data.</source>
        <translation>Skriv din adgangskode for at åbne dine data.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="128"/>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="151"/>
        <source>Forgot password?</source>
        <translation>Glemt adgangskoden?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="140"/>
        <location filename="../../familymeeting/ui/lock.py" line="297"/>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="167"/>
        <source>Forgot your password?</source>
        <translation>Glemt din adgangskode?</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="171"/>
        <source>Type the recovery code you wrote down when the password was chosen, then choose a new password. Without the password or the recovery code, the data cannot be read by anyone.</source>
        <translation>Skriv den gendannelseskode, du skrev ned, da adgangskoden blev valgt, og vælg så en ny adgangskode. Uden adgangskoden eller gendannelseskoden kan ingen læse dataene.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="177"/>
        <location filename="../../familymeeting/ui/lock.py" line="179"/>
        <location filename="../../familymeeting/ui/lock.py" line="180"/>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="196"/>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="200"/>
        <source>Set new password</source>
        <translation>Vælg ny adgangskode</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="234"/>
        <source>Checking the password…</source>
        <translation>Tjekker adgangskoden…</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="260"/>
        <source>That is not the password. Check Caps Lock and try again.</source>
        <translation>Det er ikke adgangskoden. Tjek Caps Lock, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="263"/>
        <location filename="../../familymeeting/ui/lock.py" line="278"/>
        <source>Too many wrong tries in a row.</source>
        <translation>For mange forkerte forsøg i træk.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/lock.py" line="305"/>
        <source>Wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>Vent %n sekund før næste forsøg.</numerusform>
            <numerusform>Vent %n sekunder før næste forsøg.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/lock.py" line="309"/>
        <source>Wait %n s</source>
        <translation>
            <numerusform>Vent %n s</numerusform>
            <numerusform>Vent %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="359"/>
        <source>That is not the recovery code. Check each group of four and try again.</source>
        <translation>Det er ikke gendannelseskoden. Tjek hver gruppe på fire, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/lock.py" line="391"/>
        <source>Opening your data…</source>
        <translation>Åbner dine data…</translation>
    </message>
</context>
<context>
    <name>WhenPicker</name>
    <message>
        <location filename="../../familymeeting/ui/when.py" line="45"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/when.py" line="50"/>
        <source>Time</source>
        <translation>Klokkeslæt</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="20"/>
        <source>What are we worried about?</source>
        <translation>Det er vi bekymrede for</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="21"/>
        <source>What&apos;s working well?</source>
        <translation>Det går godt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="22"/>
        <source>What needs to happen?</source>
        <translation>Det skal der ske</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="29"/>
        <source>Worries</source>
        <translation>Bekymringer</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="30"/>
        <source>Working well</source>
        <translation>Går godt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="31"/>
        <source>Needs to happen</source>
        <translation>Skal ske</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="37"/>
        <source>What has happened, what could happen, what makes it hard</source>
        <translation>Hvad er sket, hvad kan ske, hvad gør det svært</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="40"/>
        <source>Strengths, and what already keeps the children safe</source>
        <translation>Styrker, og det der allerede passer på børnene</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="43"/>
        <source>Goals, and the next steps to get there</source>
        <translation>Mål, og de næste skridt derhen</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="51"/>
        <source>Plain card</source>
        <translation>Almindeligt kort</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="52"/>
        <source>Harm</source>
        <translation>Skade</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="53"/>
        <source>Danger statement</source>
        <translation>Bekymringsudsagn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="54"/>
        <source>Complicating factor</source>
        <translation>Komplicerende faktor</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="55"/>
        <source>Strength</source>
        <translation>Styrke</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="56"/>
        <source>Existing safety</source>
        <translation>Eksisterende sikkerhed</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="57"/>
        <source>Safety goal</source>
        <translation>Sikkerhedsmål</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="58"/>
        <source>Next step</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="64"/>
        <source>First meeting</source>
        <translation>Første møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="65"/>
        <source>Follow-up meeting</source>
        <translation>Opfølgningsmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="66"/>
        <source>Network meeting</source>
        <translation>Netværksmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="72"/>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="73"/>
        <source>In progress</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="74"/>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="80"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="81"/>
        <source>Parent</source>
        <translation>Forælder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="82"/>
        <source>Caregiver</source>
        <translation>Omsorgsperson</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="83"/>
        <source>Network</source>
        <translation>Netværk</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="84"/>
        <source>Professional</source>
        <translation>Fagperson</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="85"/>
        <source>Caseworker</source>
        <translation>Rådgiver</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="92"/>
        <source>The children</source>
        <translation>Børnene</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="93"/>
        <source>The adults</source>
        <translation>De voksne</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="94"/>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="95"/>
        <source>Chosen people</source>
        <translation>Udvalgte</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="102"/>
        <source>For the children</source>
        <translation>For børnene</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="103"/>
        <source>For the adults</source>
        <translation>For de voksne</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="105"/>
        <source>For chosen people</source>
        <translation>For udvalgte</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="112"/>
        <source>Concern received</source>
        <translation>Bekymring modtaget</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="113"/>
        <source>Screening</source>
        <translation>Screening</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="114"/>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="115"/>
        <source>Help started</source>
        <translation>Hjælp startet</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/words.py" line="116"/>
        <source>Case closed</source>
        <translation>Sag lukket</translation>
    </message>
</context>
</TS>
