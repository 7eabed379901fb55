<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CaseloadModel</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/caseload.py" line="154"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/caseload.py" line="183"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/caseload.py" line="206"/>
        <source>%n weeks ago</source>
        <translation>
            <numerusform>%n week ago</numerusform>
            <numerusform>%n weeks ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/caseload.py" line="565"/>
        <source>⚠ too long: no meeting in the last %n weeks</source>
        <translation>
            <numerusform>⚠ too long: no meeting in the last %n week</numerusform>
            <numerusform>⚠ too long: no meeting in the last %n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FamiliesPage</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/families_page.py" line="500"/>
        <source>%n participants</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/family_dialog.py" line="260"/>
        <source>%n years</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/family_page.py" line="290"/>
        <source>%n years</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenancePage</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="130"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="143"/>
        <source>%n weeks</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="287"/>
        <source>%n months</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="289"/>
        <source>%n years</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="423"/>
        <source>The data is sound, but %n backups are damaged; they will not be offered.</source>
        <translation>
            <numerusform>The data is sound, but %n backup is damaged; it will not be offered.</numerusform>
            <numerusform>The data is sound, but %n backups are damaged; they will not be offered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/maintenance.py" line="479"/>
        <source>The data key is changed: the data and %n backup(s) are encrypted with the new key.</source>
        <translation>
            <numerusform>The data key is changed: the data and %n backup are encrypted with the new key.</numerusform>
            <numerusform>The data key is changed: the data and %n backups are encrypted with the new key.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/meeting/header.py" line="285"/>
        <source>%n here</source>
        <translation>
            <numerusform>%n here</numerusform>
            <numerusform>%n here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/progress.py" line="688"/>
        <source>%n meeting(s) with answers</source>
        <translation>
            <numerusform>%n meeting with answers</numerusform>
            <numerusform>%n meetings with answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/team_page.py" line="496"/>
        <source>%n file(s) read</source>
        <translation>
            <numerusform>%n file read</numerusform>
            <numerusform>%n files read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/team_page.py" line="503"/>
        <source>%n repeated export(s) left out (the newest counts)</source>
        <translation>
            <numerusform>%n repeated export left out (the newest counts)</numerusform>
            <numerusform>%n repeated exports left out (the newest counts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/timeline.py" line="271"/>
        <source>from concern to decision: %n days</source>
        <translation>
            <numerusform>from concern to decision: %n day</numerusform>
            <numerusform>from concern to decision: %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/timeline.py" line="272"/>
        <source>from decision to help: %n days</source>
        <translation>
            <numerusform>from decision to help: %n day</numerusform>
            <numerusform>from decision to help: %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/timeline.py" line="275"/>
        <source>waiting for a decision: %n days</source>
        <translation>
            <numerusform>waiting for a decision: %n day</numerusform>
            <numerusform>waiting for a decision: %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/timeline.py" line="276"/>
        <source>waiting for help: %n days</source>
        <translation>
            <numerusform>waiting for help: %n day</numerusform>
            <numerusform>waiting for help: %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockWidget</name>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/lock.py" line="305"/>
        <source>Wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>Wait %n second before the next try.</numerusform>
            <numerusform>Wait %n seconds before the next try.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../familymeeting/ui/lock.py" line="309"/>
        <source>Wait %n s</source>
        <translation>
            <numerusform>Wait %n s</numerusform>
            <numerusform>Wait %n s</numerusform>
        </translation>
    </message>
</context>
</TS>
