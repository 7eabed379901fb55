<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="43" />
        <source>There are no families yet.</source>
        <translation>Der er ingen familier endnu.</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="45" />
        <source>Create demo family</source>
        <translation>Opret demofamilie</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="57" />
        <source>Families</source>
        <translation>Familier</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="63" />
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="68" />
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="68" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="68" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="68" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="81" />
        <source>First meeting</source>
        <translation>Første møde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="82" />
        <source>Follow-up meeting</source>
        <translation>Opfølgningsmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="83" />
        <source>Network meeting</source>
        <translation>Netværksmøde</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="88" />
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="89" />
        <source>In progress</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../familymeeting/ui/main_window.py" line="90" />
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
</context>
</TS>