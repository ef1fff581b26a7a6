<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AnimatedWebp</name>
    <message>
        <source>The animation could not be encoded: libwebp is not usable.</source>
        <translation>Die Animation konnte nicht kodiert werden: libwebp ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>The animation could not be encoded: libwebp refused a canvas of %1×%2 pixels.</source>
        <translation>Die Animation konnte nicht kodiert werden: libwebp hat eine Bildfläche von %1×%2 Pixeln abgelehnt.</translation>
    </message>
    <message>
        <source>Frame %1 could not be encoded: %2</source>
        <translation>Einzelbild %1 konnte nicht kodiert werden: %2</translation>
    </message>
    <message>
        <source>The animation could not be encoded: %1</source>
        <translation>Die Animation konnte nicht kodiert werden: %1</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>the folder cannot be written to</source>
        <translation>in den Ordner kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>only %1 of %2 bytes could be written (is the disk full?)</source>
        <translation>nur %1 von %2 Bytes konnten geschrieben werden (ist der Datenträger voll?)</translation>
    </message>
    <message>
        <source>the data could not be stored on the disk (%1)</source>
        <translation>die Daten konnten nicht auf dem Datenträger gesichert werden (%1)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the data could not be stored on the disk</source>
        <translation>die Daten konnten nicht auf dem Datenträger gesichert werden</translation>
    </message>
    <message>
        <source>Could not write %1: it is a symbolic link, and Director does not write through links.</source>
        <translation>%1 konnte nicht geschrieben werden: Es ist ein symbolischer Link, und Director schreibt nicht durch Links hindurch.</translation>
    </message>
    <message>
        <source>Could not write %1: the new file could not replace the old one</source>
        <translation>%1 konnte nicht geschrieben werden: Die neue Datei konnte die alte nicht ersetzen</translation>
    </message>
    <message>
        <source>%1 was written, but its folder could not be synced to disk: a power cut now could lose it</source>
        <translation>%1 wurde geschrieben, aber sein Ordner konnte nicht auf den Datenträger synchronisiert werden: Ein Stromausfall könnte die Datei jetzt noch verlieren</translation>
    </message>
    <message>
        <source>Could not write %1: the file its content was copied from was changed by another program meanwhile</source>
        <translation>%1 konnte nicht geschrieben werden: Die Datei, aus der der Inhalt kopiert wurde, wurde währenddessen von einem anderen Programm geändert</translation>
    </message>
</context>
<context>
    <name>AuditPresenter</name>
    <message numerus="yes">
        <source>%n colours from palette.json</source>
        <translation>
            <numerusform>%n Farbe aus palette.json</numerusform>
            <numerusform>%n Farben aus palette.json</numerusform>
        </translation>
    </message>
    <message>
        <source>palette.json: %1. </source>
        <translation>palette.json: %1. </translation>
    </message>
    <message numerus="yes">
        <source>%n colours from the anchor, frame %1</source>
        <translation>
            <numerusform>%n Farbe aus dem Ankerbild, Einzelbild %1</numerusform>
            <numerusform>%n Farben aus dem Ankerbild, Einzelbild %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 checked pixels (alpha ≥ %3)</source>
        <translation>%1 von %2 geprüften Pixeln (Alpha ≥ %3)</translation>
    </message>
</context>
<context>
    <name>BaselineOverlay</name>
    <message>
        <source>on the anchor&apos;s baseline</source>
        <translation>auf der Grundlinie des Ankerbilds</translation>
    </message>
    <message numerus="yes">
        <source>%n px above anchor</source>
        <translation>
            <numerusform>%n px über dem Ankerbild</numerusform>
            <numerusform>%n px über dem Ankerbild</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n px below anchor</source>
        <translation>
            <numerusform>%n px unter dem Ankerbild</numerusform>
            <numerusform>%n px unter dem Ankerbild</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchSync</name>
    <message>
        <source>Could not write %1: the data could not be stored on the disk (%2)</source>
        <translation>%1 konnte nicht geschrieben werden: Die Daten konnten nicht auf dem Datenträger gespeichert werden (%2)</translation>
    </message>
</context>
<context>
    <name>BoundedRead</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 MB a session file can be</source>
        <translation>%1 ist größer als die %2 MB, die eine Sitzungsdatei haben darf</translation>
    </message>
</context>
<context>
    <name>BoundsOverlay</name>
    <message>
        <source>pivot %1, %2 px from anchor&apos;s</source>
        <translation>Drehpunkt %1, %2 px gegenüber dem des Ankerbilds</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>Notes not saved</source>
        <translation>Notizen nicht gespeichert</translation>
    </message>
    <message>
        <source>The notes of frame %1 could not be saved: %2

Close anyway and lose them?</source>
        <translation>Die Notizen von Einzelbild %1 konnten nicht gespeichert werden: %2

Trotzdem schließen und sie verlieren?</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Änderungen nicht gespeichert</translation>
    </message>
    <message>
        <source>The latest changes could not be saved: %1

Close anyway and lose them?</source>
        <translation>Die letzten Änderungen konnten nicht gespeichert werden: %1

Trotzdem schließen und sie verlieren?</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>The run folder.</source>
        <translation>Der Laufordner.</translation>
    </message>
    <message>
        <source>The language of messages and of the window: en, de or a locale such as de_DE. By default the language chosen in Director&apos;s preferences, else the system&apos;s.</source>
        <translation>Die Sprache der Meldungen und des Fensters: en, de oder ein Gebietsschema wie de_DE. Vorgabe: die in den Einstellungen von Director gewählte Sprache, sonst die des Systems.</translation>
    </message>
    <message>
        <source>wrong number of arguments; see --help</source>
        <translation>falsche Anzahl von Argumenten; siehe --help</translation>
    </message>
    <message>
        <source>--%1 is given more than once</source>
        <translation>--%1 ist mehrfach angegeben</translation>
    </message>
    <message>
        <source>%1: a negative number is no frame index or count (frames count from 0)</source>
        <translation>%1: Eine negative Zahl ist kein Einzelbildindex und keine Anzahl (Einzelbilder zählen ab 0)</translation>
    </message>
</context>
<context>
    <name>CommitCommand</name>
    <message>
        <source>Write the approved frames, nudges applied, to approved/ and mark the session committed. Refused unless every frame is APPROVED.</source>
        <translation>Die freigegebenen Einzelbilder mit angewandten Verschiebungen nach approved/ schreiben und die Sitzung als abgeschlossen markieren. Wird abgelehnt, solange nicht jedes Einzelbild APPROVED ist.</translation>
    </message>
    <message numerus="yes">
        <source>Committed %n frame(s) to %1 (%2 nudged, %3 patched).</source>
        <translation>
            <numerusform>%n Einzelbild nach %1 geschrieben, Sitzung abgeschlossen (%2 verschoben, %3 nachbearbeitet).</numerusform>
            <numerusform>%n Einzelbilder nach %1 geschrieben, Sitzung abgeschlossen (%2 verschoben, %3 nachbearbeitet).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommitExporter</name>
    <message>
        <source>Frame %1: %2</source>
        <translation>Einzelbild %1: %2</translation>
    </message>
    <message>
        <source>Frame %1: %2 is %3×%4 pixels, but the frames of this run are %5×%6</source>
        <translation>Einzelbild %1: %2 ist %3×%4 Pixel groß, die Einzelbilder dieses Laufs sind aber %5×%6</translation>
    </message>
    <message>
        <source>Frame %1: the image could not be encoded.</source>
        <translation>Einzelbild %1: Das Bild konnte nicht kodiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>Only %1 of %n frame(s) could be written.</source>
        <translation>
            <numerusform>Nur %1 von %n Einzelbild konnte geschrieben werden.</numerusform>
            <numerusform>Nur %1 von %n Einzelbildern konnten geschrieben werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The session is %1: it cannot be committed again.</source>
        <translation>Die Sitzung ist %1: Sie kann nicht erneut abgeschlossen werden.</translation>
    </message>
    <message>
        <source>The session has no frames to commit.</source>
        <translation>Die Sitzung hat keine Einzelbilder zum Abschließen.</translation>
    </message>
    <message numerus="yes">
        <source>Commit needs every frame approved; %n frame(s) are not: %1</source>
        <translation>
            <numerusform>Zum Abschließen muss jedes Einzelbild freigegeben sein; %n Einzelbild ist es nicht: %1</numerusform>
            <numerusform>Zum Abschließen muss jedes Einzelbild freigegeben sein; %n Einzelbilder sind es nicht: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a folder of the run (%2): Director writes the approved frames only inside the run folder.</source>
        <translation>%1 ist kein Ordner des Laufs (%2): Director schreibt die freigegebenen Einzelbilder nur innerhalb des Laufordners.</translation>
    </message>
    <message>
        <source>a link to %1</source>
        <translation>ein Link auf %1</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation>%1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write to %1.</source>
        <translation>In %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not keep %1 of approved/ until the new frames are in place: %2</source>
        <translation>%1 aus approved/ konnte nicht aufbewahrt werden, bis die neuen Einzelbilder an ihrem Platz sind: %2</translation>
    </message>
    <message>
        <source>Could not move %1 into approved/: %2. approved/ is as it was.</source>
        <translation>%1 konnte nicht nach approved/ verschoben werden: %2. approved/ ist unverändert.</translation>
    </message>
    <message>
        <source>Could not move %1 into approved/: %2. approved/ could not be put back as it was: it holds a mix of old and new frames until the next commit.</source>
        <translation>%1 konnte nicht nach approved/ verschoben werden: %2. approved/ konnte nicht wiederhergestellt werden: Bis zum nächsten Abschluss enthält es alte und neue Einzelbilder gemischt.</translation>
    </message>
    <message>
        <source>The frames were written to %1, but the folder could not be synced to disk.</source>
        <translation>Die Einzelbilder wurden nach %1 geschrieben, aber der Ordner konnte nicht auf den Datenträger synchronisiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Nothing was moved into approved/: it is as it was.</source>
        <translation>%1. Es wurde nichts nach approved/ verschoben: approved/ ist unverändert.</translation>
    </message>
    <message>
        <source>The frames were written to %1, but the folder could not be synced to disk. approved/ is as it was.</source>
        <translation>Die Einzelbilder wurden nach %1 geschrieben, aber der Ordner konnte nicht auf den Datenträger synchronisiert werden. approved/ ist unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>Commit writes every frame&apos;s image; %n approved frame(s) have none: %1</source>
        <translation>
            <numerusform>Commit schreibt das Bild jedes Einzelbilds; %n freigegebenes Einzelbild hat keines: %1</numerusform>
            <numerusform>Commit schreibt das Bild jedes Einzelbilds; %n freigegebene Einzelbilder haben keines: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommitFlow</name>
    <message>
        <source>Commit</source>
        <translation>Abschließen</translation>
    </message>
    <message numerus="yes">
        <source>Write the %n approved frame(s), nudges applied, to approved/ and close the session for changes?</source>
        <translation>
            <numerusform>Das %n freigegebene Einzelbild mit angewendeten Verschiebungen nach approved/ schreiben und die Sitzung für Änderungen schließen?</numerusform>
            <numerusform>Die %n freigegebenen Einzelbilder mit angewendeten Verschiebungen nach approved/ schreiben und die Sitzung für Änderungen schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing approved frames…</source>
        <translation>Freigegebene Einzelbilder werden geschrieben …</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) were written to approved/: %1 nudged, %2 patched.</source>
        <translation>
            <numerusform>%n Einzelbild wurde nach approved/ geschrieben: %1 verschoben, %2 nachbearbeitet.</numerusform>
            <numerusform>%n Einzelbilder wurden nach approved/ geschrieben: %1 verschoben, %2 nachbearbeitet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard this review? The session file is kept, marked discarded, and can no longer be changed. Nothing is written to approved/.</source>
        <translation>Diese Durchsicht verwerfen? Die Sitzungsdatei bleibt erhalten, wird als verworfen markiert und kann nicht mehr geändert werden. Nach approved/ wird nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>CompareMode</name>
    <message>
        <source>the anchor</source>
        <translation>Ankerbild</translation>
    </message>
    <message>
        <source>the previous frame</source>
        <translation>vorheriges Einzelbild</translation>
    </message>
    <message>
        <source>The first frame has no previous frame.</source>
        <translation>Das erste Einzelbild hat kein vorheriges Einzelbild.</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <source>Attempt %1 of this frame cannot be shown: %2</source>
        <translation>Versuch %1 dieses Einzelbilds kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>No frame</source>
        <translation>Kein Einzelbild</translation>
    </message>
    <message>
        <source>Compare with an Attempt</source>
        <translation>Mit einem Versuch vergleichen</translation>
    </message>
    <message>
        <source>Attempt:</source>
        <translation>Versuch:</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>the original</source>
        <translation>Original</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>No pixel differs from %1</source>
        <translation>Kein abweichendes Pixel (Referenz: %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n pixel(s) differ from %1</source>
        <translation>
            <numerusform>%n abweichendes Pixel (Referenz: %1)</numerusform>
            <numerusform>%n abweichende Pixel (Referenz: %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>This frame | %1</source>
        <translation>Dieses Einzelbild | %1</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>Write the demo run into DIR (a new or empty folder) and open it.</source>
        <translation>Den Demo-Lauf nach DIR schreiben (ein neuer oder leerer Ordner) und öffnen.</translation>
    </message>
    <message>
        <source>Where to write the demo run (default: a new folder in Director&apos;s data folder).</source>
        <translation>Wohin der Demo-Lauf geschrieben wird (Vorgabe: ein neuer Ordner im Datenordner von Director).</translation>
    </message>
    <message>
        <source>Only write the run, do not open it.</source>
        <translation>Den Lauf nur schreiben, nicht öffnen.</translation>
    </message>
    <message>
        <source>Demo run written to %1</source>
        <translation>Demo-Lauf nach %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>DemoRun</name>
    <message>
        <source>%1 is not empty: the demo run needs a new or empty folder.</source>
        <translation>%1 ist nicht leer: Der Demo-Lauf braucht einen neuen oder leeren Ordner.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>DiscardCommand</name>
    <message>
        <source>Mark the session discarded. The file stays; nothing in approved/ is written.</source>
        <translation>Die Sitzung als verworfen markieren. Die Datei bleibt; in approved/ wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Session %1 discarded.</source>
        <translation>Sitzung %1 verworfen.</translation>
    </message>
</context>
<context>
    <name>ExportPreviewDialog</name>
    <message>
        <source>&amp;Sprite sheet (PNG)</source>
        <translation>&amp;Sprite-Sheet (PNG)</translation>
    </message>
    <message>
        <source>&amp;Animation (WebP)</source>
        <translation>&amp;Animation (WebP)</translation>
    </message>
    <message>
        <source>APPROVED frames &amp;only</source>
        <translation>&amp;Nur Einzelbilder mit APPROVED</translation>
    </message>
    <message>
        <source>Export Preview</source>
        <translation>Vorschau exportieren</translation>
    </message>
    <message>
        <source>Sprite sheet file</source>
        <translation>Sprite-Sheet-Datei</translation>
    </message>
    <message>
        <source>One row</source>
        <translation>Eine Zeile</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Animation file</source>
        <translation>Animationsdatei</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Frames a second</source>
        <translation>Bilder pro Sekunde</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>Spa&amp;lten:</translation>
    </message>
    <message>
        <source>WebP animations (*.webp)</source>
        <translation>WebP-Animationen (*.webp)</translation>
    </message>
    <message>
        <source>&amp;Frame rate:</source>
        <translation>&amp;Bildrate:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the file for %1</source>
        <translation>Datei für %1 wählen</translation>
    </message>
    <message>
        <source>Open a run first: the preview shows its frames.</source>
        <translation>Öffnen Sie zuerst einen Lauf: Die Vorschau zeigt seine Einzelbilder.</translation>
    </message>
    <message>
        <source>The run is no longer open.</source>
        <translation>Der Lauf ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>The preview was not written: %1</source>
        <translation>Die Vorschau wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Writing the preview…</source>
        <translation>Vorschau wird geschrieben …</translation>
    </message>
    <message>
        <source>Preview written</source>
        <translation>Vorschau geschrieben</translation>
    </message>
    <message>
        <source>Preview written. %1</source>
        <translation>Vorschau geschrieben. %1</translation>
    </message>
    <message>
        <source>There is not enough memory to make it.</source>
        <translation>Es ist nicht genug Arbeitsspeicher vorhanden, um sie zu erstellen.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten …</translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben …</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML, images inside (for mail and trackers)</source>
        <translation>HTML, Bilder eingebettet (für E-Mail und Tracker)</translation>
    </message>
    <message>
        <source>JSON (for scripts)</source>
        <translation>JSON (für Skripte)</translation>
    </message>
    <message>
        <source>Markdown (no images)</source>
        <translation>Markdown (ohne Bilder)</translation>
    </message>
    <message>
        <source>Report format</source>
        <translation>Berichtsformat</translation>
    </message>
    <message>
        <source>Report file</source>
        <translation>Berichtsdatei</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Bericht geschrieben</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the report file</source>
        <translation>Berichtsdatei wählen</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
    <message>
        <source>Open a run first: the report is about its review.</source>
        <translation>Öffnen Sie zuerst einen Lauf: Der Bericht handelt von seiner Durchsicht.</translation>
    </message>
    <message>
        <source>Report written. %1</source>
        <translation>Bericht geschrieben. %1</translation>
    </message>
    <message>
        <source>Name the file to write.</source>
        <translation>Geben Sie die zu schreibende Datei an.</translation>
    </message>
    <message>
        <source>The run is no longer open.</source>
        <translation>Der Lauf ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>There is not enough memory to make it.</source>
        <translation>Es ist nicht genug Arbeitsspeicher vorhanden, um ihn zu erstellen.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten …</translation>
    </message>
</context>
<context>
    <name>ExternalEdit</name>
    <message>
        <source>No temporary folder for the working copy: %1</source>
        <translation>Kein temporärer Ordner für die Arbeitskopie: %1</translation>
    </message>
    <message>
        <source>The working copy %1 could not be written.</source>
        <translation>Die Arbeitskopie %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>No application opens %1.</source>
        <translation>Keine Anwendung öffnet %1.</translation>
    </message>
    <message>
        <source>The save from %1 is %2 × %3 pixels; frame %4 is %5 × %6. It was not taken.</source>
        <translation>Die Speicherung aus %1 ist %2 × %3 Pixel groß; Einzelbild %4 ist %5 × %6. Sie wurde nicht übernommen.</translation>
    </message>
</context>
<context>
    <name>ExternalEditor</name>
    <message>
        <source>Default Application</source>
        <translation>Standardanwendung</translation>
    </message>
</context>
<context>
    <name>Filmstrip</name>
    <message>
        <source>Filmstrip</source>
        <translation>Filmstreifen</translation>
    </message>
    <message>
        <source>The frames of the run the filter shows, with their status. Select one to show it on the stage; select several (Shift or Ctrl click, Shift+arrows) to give them one verdict or one nudge.</source>
        <translation>Die Einzelbilder des Laufs, die der Filter zeigt, mit ihrem Status. Wählen Sie eines, um es auf der Bühne zu zeigen; wählen Sie mehrere (Umschalt- oder Strg-Klick, Umschalt+Pfeiltasten), um ihnen eine gemeinsame Entscheidung oder Verschiebung zu geben.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generiert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>Mit Warnung</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Nudged</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Patched</source>
        <translation>Nachbearbeitet</translation>
    </message>
    <message>
        <source>With Notes</source>
        <translation>Mit Notizen</translation>
    </message>
    <message>
        <source>Flags (%1 chosen)</source>
        <translation>Befunde (%1 gewählt)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>%1 %L2</source>
        <translation>%1 %L2</translation>
    </message>
    <message>
        <source>%L1 of %L2 shown</source>
        <translation>%L1 von %L2 angezeigt</translation>
    </message>
    <message>
        <source>Frames shown: %1</source>
        <translation>Angezeigte Einzelbilder: %1</translation>
    </message>
    <message>
        <source>Rejected with a Reason</source>
        <translation>Abgelehnt mit Begründung</translation>
    </message>
</context>
<context>
    <name>FrameCommand</name>
    <message>
        <source>Change one frame through the session&apos;s rules, lock and atomic save. All options given are saved as one change.</source>
        <translation>Ein Einzelbild ändern, nach den Regeln der Sitzung, mit ihrer Sperre und atomarem Speichern. Alle angegebenen Optionen werden als eine Änderung gespeichert.</translation>
    </message>
    <message>
        <source>The frame index (0, 1, ...).</source>
        <translation>Der Index des Einzelbilds (0, 1, …).</translation>
    </message>
    <message>
        <source>The new status: PENDING, GENERATED, AUDIT_FAIL, AUDIT_WARN or APPROVED.</source>
        <translation>Der neue Status: PENDING, GENERATED, AUDIT_FAIL, AUDIT_WARN oder APPROVED.</translation>
    </message>
    <message>
        <source>Move the frame DX,DY pixels further (e.g. --nudge=-2,1). An AUDIT_WARN frame is approved by a nudge.</source>
        <translation>Das Einzelbild um DX,DY Pixel weiterverschieben (z. B. --nudge=-2,1). Ein Einzelbild mit AUDIT_WARN wird durch eine Verschiebung freigegeben.</translation>
    </message>
    <message>
        <source>Remove the frame&apos;s alignment offset.</source>
        <translation>Den Versatz des Einzelbilds entfernen.</translation>
    </message>
    <message>
        <source>Set the operator&apos;s notes (empty removes them).</source>
        <translation>Die Notizen setzen (leer entfernt sie).</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;</source>
        <translation>unbekannter Status „%1“</translation>
    </message>
    <message>
        <source>--nudge and --clear-nudge cannot be given together</source>
        <translation>--nudge und --clear-nudge können nicht zusammen angegeben werden</translation>
    </message>
    <message>
        <source>--nudge takes whole pixels DX,DY, for example --nudge=-2,1</source>
        <translation>--nudge erwartet ganze Pixel DX,DY, zum Beispiel --nudge=-2,1</translation>
    </message>
    <message>
        <source>frame %1: %2</source>
        <translation>Einzelbild %1: %2</translation>
    </message>
    <message>
        <source>, offset %1,%2</source>
        <translation>, Versatz %1,%2</translation>
    </message>
    <message>
        <source>Make attempt N (numbered as in candidates/frame_NNNN_attempt_N.png) the frame&apos;s image, with the run&apos;s audit of it when the run has one; the other options apply after it (e.g. --attempt 1 --status APPROVED).</source>
        <translation>Versuch N (nummeriert wie in candidates/frame_NNNN_attempt_N.png) zum Bild des Einzelbilds machen, samt seiner Prüfung durch den Lauf, sofern der Lauf eine hat; die übrigen Optionen wirken danach (z. B. --attempt 1 --status APPROVED).</translation>
    </message>
    <message>
        <source>, attempt %1</source>
        <translation>, Versuch %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an attempt number (1, 2, ...): --attempt</source>
        <translation>„%1“ ist keine Versuchsnummer (1, 2, …): --attempt</translation>
    </message>
    <message>
        <source>nothing to change: give --attempt, --status, --nudge, --clear-nudge or --note</source>
        <translation>nichts zu ändern: --attempt, --status, --nudge, --clear-nudge oder --note angeben</translation>
    </message>
    <message>
        <source>With --status AUDIT_FAIL: why the frame is rejected, a reason code such as SF01_IDENTITY_DRIFT (capitals, digits and underscores).</source>
        <translation>Mit --status AUDIT_FAIL: warum das Einzelbild abgelehnt wird, ein Begründungscode wie SF01_IDENTITY_DRIFT (Großbuchstaben, Ziffern und Unterstriche).</translation>
    </message>
    <message>
        <source>With --status AUDIT_FAIL: why the frame is rejected, in words.</source>
        <translation>Mit --status AUDIT_FAIL: warum das Einzelbild abgelehnt wird, in Worten.</translation>
    </message>
    <message>
        <source>Who makes the verdict (default: the name set in Preferences, else the user logged in).</source>
        <translation>Wer die Entscheidung trifft (Vorgabe: der in den Einstellungen festgelegte Name, sonst der angemeldete Benutzer).</translation>
    </message>
    <message>
        <source>--reviewer needs a name</source>
        <translation>--reviewer braucht einen Namen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reason code such as SF01_IDENTITY_DRIFT (capitals, digits and underscores): --reason</source>
        <translation>„%1“ ist kein Begründungscode wie SF01_IDENTITY_DRIFT (Großbuchstaben, Ziffern und Unterstriche): --reason</translation>
    </message>
    <message>
        <source>--reason-text needs a text</source>
        <translation>--reason-text braucht einen Text</translation>
    </message>
    <message>
        <source>--reason and --reason-text go with --status AUDIT_FAIL: only a rejection has a reason</source>
        <translation>--reason und --reason-text gehören zu --status AUDIT_FAIL: Nur eine Ablehnung hat einen Grund</translation>
    </message>
    <message>
        <source>, reason %1</source>
        <translation>, Grund %1</translation>
    </message>
    <message>
        <source>director: warning: %1 is a code of neither Director&apos;s catalogue nor this run&apos;s audits; recorded as given
</source>
        <translation>director: Warnung: %1 ist weder ein Code aus Directors Katalog noch aus den Audits dieses Laufs; so gespeichert, wie angegeben
</translation>
    </message>
</context>
<context>
    <name>FrameDelegate</name>
    <message>
        <source>no
image</source>
        <translation>kein
Bild</translation>
    </message>
</context>
<context>
    <name>FrameImages</name>
    <message>
        <source>No image yet</source>
        <translation>Noch kein Bild</translation>
    </message>
    <message>
        <source>This frame is not patched: it has no original to compare with.</source>
        <translation>Dieses Einzelbild ist nicht nachbearbeitet: Es hat kein Original zum Vergleichen.</translation>
    </message>
    <message>
        <source>The session does not record the image this frame&apos;s patches were made on.</source>
        <translation>Die Sitzung verzeichnet nicht, auf welchem Bild die Nachbearbeitungen dieses Einzelbilds beruhen.</translation>
    </message>
</context>
<context>
    <name>FrameListModel</name>
    <message>
        <source>No image yet</source>
        <translation>Noch kein Bild</translation>
    </message>
    <message>
        <source>Frame %1 · %2 · score %3</source>
        <translation>Einzelbild %1 · %2 · Wert %3</translation>
    </message>
    <message>
        <source>Frame %1, %2</source>
        <translation>Einzelbild %1, %2</translation>
    </message>
</context>
<context>
    <name>FramePatches</name>
    <message>
        <source>Frame %1 has no image yet: there is nothing to patch.</source>
        <translation>Einzelbild %1 hat noch kein Bild: Es gibt nichts nachzubearbeiten.</translation>
    </message>
    <message>
        <source>The patch cannot be recorded: %1</source>
        <translation>Die Nachbearbeitung kann nicht festgehalten werden: %1</translation>
    </message>
    <message>
        <source>Frame %1 is not patched.</source>
        <translation>Einzelbild %1 ist nicht nachbearbeitet.</translation>
    </message>
    <message>
        <source>Frame %1&apos;s patches do not record the image they were made on.</source>
        <translation>Die Nachbearbeitungen von Einzelbild %1 verzeichnen nicht, auf welchem Bild sie beruhen.</translation>
    </message>
    <message>
        <source>The patched image cannot be used: %1</source>
        <translation>Das nachbearbeitete Bild kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>The patched image is %1×%2 pixels; the image it patches is %3×%4.</source>
        <translation>Das nachbearbeitete Bild ist %1×%2 Pixel groß, das zugrunde liegende Bild %3×%4.</translation>
    </message>
</context>
<context>
    <name>HelpBoxes</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Director</source>
        <translation>Über Director</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Director %1&lt;/h3&gt;&lt;p&gt;Review the frames of an AI-generated sprite animation: approve, reject, nudge and annotate them, then commit the approved frames.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Director %1&lt;/h3&gt;&lt;p&gt;Die Einzelbilder einer KI-generierten Sprite-Animation durchsehen: freigeben, ablehnen, verschieben und mit Notizen versehen, dann die freigegebenen Einzelbilder abschließen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImageLoader</name>
    <message>
        <source>%1 is not a readable image (%2)</source>
        <translation>%1 ist kein lesbares Bild (%2)</translation>
    </message>
    <message>
        <source>%1 is not a PNG image</source>
        <translation>%1 ist kein PNG-Bild</translation>
    </message>
    <message>
        <source>%1 has no valid image size</source>
        <translation>%1 hat keine gültige Bildgröße</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels, larger than the %4×%4 Director accepts</source>
        <translation>%1 ist %2×%3 Pixel groß, größer als die %4×%4, die Director annimmt</translation>
    </message>
    <message>
        <source>%1 could not be decoded: %2</source>
        <translation>%1 konnte nicht dekodiert werden: %2</translation>
    </message>
</context>
<context>
    <name>InpaintProvider</name>
    <message>
        <source>The inpainting request has no frame, or no mask of the frame&apos;s size.</source>
        <translation>Die Inpainting-Anfrage hat kein Einzelbild oder keine Maske in der Größe des Einzelbilds.</translation>
    </message>
    <message>
        <source>No inpainting provider is set.</source>
        <translation>Es ist kein Inpainting-Anbieter eingestellt.</translation>
    </message>
    <message>
        <source>No temporary folder for the inpainting provider: %1</source>
        <translation>Kein temporärer Ordner für den Inpainting-Anbieter: %1</translation>
    </message>
    <message>
        <source>The inpainting was cancelled.</source>
        <translation>Das Inpainting wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The inpainting provider %1 cannot be started: %2</source>
        <translation>Der Inpainting-Anbieter %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The inpainting was cancelled: the provider was stopped.</source>
        <translation>Das Inpainting wurde abgebrochen: Der Anbieter wurde beendet.</translation>
    </message>
    <message>
        <source>The inpainting provider did not finish within %1 s: it was stopped.</source>
        <translation>Der Inpainting-Anbieter ist nicht innerhalb von %1 s fertig geworden: Er wurde beendet.</translation>
    </message>
    <message>
        <source>The inpainting provider wrote more than %1 KiB to its standard output: it was stopped.</source>
        <translation>Der Inpainting-Anbieter hat mehr als %1 KiB in seine Standardausgabe geschrieben: Er wurde beendet.</translation>
    </message>
    <message>
        <source>The inpainting provider crashed.</source>
        <translation>Der Inpainting-Anbieter ist abgestürzt.</translation>
    </message>
    <message>
        <source>The inpainting provider wrote more than %1 KiB to its standard output.</source>
        <translation>Der Inpainting-Anbieter hat mehr als %1 KiB in seine Standardausgabe geschrieben.</translation>
    </message>
    <message>
        <source>The inpainting provider failed (exit code %1).</source>
        <translation>Der Inpainting-Anbieter ist fehlgeschlagen (Exit-Code %1).</translation>
    </message>
    <message>
        <source>The inpainting provider failed (exit code %1): %2</source>
        <translation>Der Inpainting-Anbieter ist fehlgeschlagen (Exit-Code %1): %2</translation>
    </message>
    <message>
        <source>The inpainting provider&apos;s answer is not a JSON object: &quot;%1&quot;</source>
        <translation>Die Antwort des Inpainting-Anbieters ist kein JSON-Objekt: „%1“</translation>
    </message>
    <message>
        <source>The inpainting provider: %1</source>
        <translation>Der Inpainting-Anbieter meldet: %1</translation>
    </message>
    <message>
        <source>The inpainting provider&apos;s answer does not name its image as %1.</source>
        <translation>Die Antwort des Inpainting-Anbieters gibt als Bild nicht %1 an.</translation>
    </message>
    <message>
        <source>The inpainting provider&apos;s image cannot be used: %1</source>
        <translation>Das Bild des Inpainting-Anbieters kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>The inpainting provider&apos;s image is %1×%2 pixels; the frame is %3×%4.</source>
        <translation>Das Bild des Inpainting-Anbieters ist %1×%2 Pixel groß, das Einzelbild %3×%4.</translation>
    </message>
</context>
<context>
    <name>InpaintRequest</name>
    <message>
        <source>There is no frame %1 in this run.</source>
        <translation>In diesem Lauf gibt es kein Einzelbild %1.</translation>
    </message>
    <message>
        <source>The anchor frame %1 cannot be read: %2</source>
        <translation>Das Ankerbild %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The images for the inpainting provider cannot be written to %1.</source>
        <translation>Die Bilder für den Inpainting-Anbieter können nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Composite score</source>
        <translation>Gesamtwert</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <source>Audit flags</source>
        <translation>Prüfbefunde</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>Befunde:</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Audit metrics</source>
        <translation>Prüfmesswerte</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Attempt history</source>
        <translation>Versuchsverlauf</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Operator notes</source>
        <translation>Notizen zur Durchsicht</translation>
    </message>
    <message>
        <source>What is wrong with this frame?</source>
        <translation>Was stimmt mit diesem Einzelbild nicht?</translation>
    </message>
    <message>
        <source>No frame</source>
        <translation>Kein Einzelbild</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>  (passed)</source>
        <translation>  (bestanden)</translation>
    </message>
    <message>
        <source>  (not passed)</source>
        <translation>  (nicht bestanden)</translation>
    </message>
    <message>
        <source>, auto-aligned</source>
        <translation>, automatisch ausgerichtet</translation>
    </message>
    <message>
        <source>, drift %1 px</source>
        <translation>, Abweichung %1 px</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht aufgezeichnet)</translation>
    </message>
    <message>
        <source>What is wrong with this frame. Saved once typing pauses; Esc leaves the notes.</source>
        <translation>Was mit diesem Einzelbild nicht stimmt. Wird gespeichert, sobald die Eingabe pausiert; Esc verlässt die Notizen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Audit flags: %1</source>
        <translation>Prüfbefunde: %1</translation>
    </message>
    <message>
        <source>Off palette:</source>
        <translation>Außerhalb der Palette:</translation>
    </message>
    <message>
        <source>Palette:</source>
        <translation>Palette:</translation>
    </message>
    <message>
        <source>&amp;Use This Attempt</source>
        <translation>Diesen Versuch &amp;übernehmen</translation>
    </message>
    <message>
        <source>Make the chosen attempt this frame&apos;s image, with its audit</source>
        <translation>Den gewählten Versuch samt seiner Prüfung zum Bild dieses Einzelbilds machen</translation>
    </message>
    <message>
        <source>Off-palette pixels</source>
        <translation>Pixel außerhalb der Palette</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Verdict:</source>
        <translation>Entscheidung:</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Approved by %1, %2</source>
        <translation>Freigegeben von %1, %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Rejected by %1, %2</source>
        <translation>Abgelehnt von %1, %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>not audited</source>
        <translation>nicht geprüft</translation>
    </message>
</context>
<context>
    <name>JsonObjectReader</name>
    <message>
        <source>written as %1</source>
        <translation>wird als %1 geschrieben</translation>
    </message>
    <message>
        <source>has the same value as %1; written only as %1</source>
        <translation>hat denselben Wert wie %1; wird nur als %1 geschrieben</translation>
    </message>
    <message>
        <source>%1 differs from %2, which is %3; only one of them can be kept</source>
        <translation>%1 weicht von %2 ab, das %3 ist; nur eines davon kann bleiben</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>Zeichenkette erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>true oder false erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>Zahl erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>is not a finite number</source>
        <translation>ist keine endliche Zahl</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 is outside %2..%3</source>
        <translation>%1 liegt außerhalb von %2..%3</translation>
    </message>
    <message>
        <source>expected an array of strings, found %1</source>
        <translation>Array von Zeichenketten erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>Objekt erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected an array, found %1</source>
        <translation>Array erwartet, %1 gefunden</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>kein gültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>auf oberster Ebene wird ein JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>appears more than once</source>
        <translation>kommt mehr als einmal vor</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>LanguageSelection</name>
    <message>
        <source>there is no translation for the language &quot;%1&quot; (--lang); the messages are in English.</source>
        <translation>es gibt keine Übersetzung für die Sprache „%1“ (--lang); die Meldungen sind auf Englisch.</translation>
    </message>
    <message>
        <source>there is no translation for the language &quot;%1&quot; (the ui/language setting); the system&apos;s language is used.</source>
        <translation>es gibt keine Übersetzung für die Sprache „%1“ (Einstellung ui/language); die Sprache des Systems wird verwendet.</translation>
    </message>
</context>
<context>
    <name>LegalizeDialog</name>
    <message>
        <source>&amp;Snap partial alpha to opaque or transparent</source>
        <translation>&amp;Teiltransparenz auf deckend oder transparent einrasten</translation>
    </message>
    <message>
        <source>&amp;Highlight the pixels that change</source>
        <translation>Sich ändernde Pixel &amp;hervorheben</translation>
    </message>
    <message>
        <source>Legalize the Palette of Frame %1</source>
        <translation>Einzelbild %1 an die Palette angleichen</translation>
    </message>
    <message>
        <source>Frame %1 as it is</source>
        <translation>Einzelbild %1 unverändert</translation>
    </message>
    <message>
        <source>Frame %1 legalized</source>
        <translation>Einzelbild %1 an die Palette angeglichen</translation>
    </message>
    <message>
        <source>Alpha of %1 or more becomes opaque, less becomes transparent</source>
        <translation>Alpha ab %1 wird deckend, darunter transparent</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Palette: %1</source>
        <translation>Palette: %1</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>As it is</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Legalized</source>
        <translation>Angeglichen</translation>
    </message>
    <message>
        <source>The frame cannot be legalized: %1</source>
        <translation>Das Einzelbild kann nicht an die Palette angeglichen werden: %1</translation>
    </message>
    <message>
        <source>Every checked pixel is on the palette: there is nothing to legalize.</source>
        <translation>Alle geprüften Pixel stammen aus der Palette: Es gibt nichts anzugleichen.</translation>
    </message>
    <message>
        <source>Every checked pixel is on the palette and no alpha is partial: there is nothing to legalize.</source>
        <translation>Alle geprüften Pixel stammen aus der Palette, und keines ist teiltransparent: Es gibt nichts anzugleichen.</translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n pixels recoloured</source>
        <translation>
            <numerusform>%n Pixel umgefärbt</numerusform>
            <numerusform>%n Pixel umgefärbt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alpha edges snapped</source>
        <translation>
            <numerusform>%n Alphakante eingerastet</numerusform>
            <numerusform>%n Alphakanten eingerastet</numerusform>
        </translation>
    </message>
    <message>
        <source>The palette was not legalized: %1</source>
        <translation>Das Einzelbild wurde nicht an die Palette angeglichen: %1</translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <source>Every run in a folder of runs, newest activity first: its move, frames, counts per status, session, last activity (UTC) and the Director that has it open. Writes nothing.</source>
        <translation>Jeder Lauf in einem Ordner von Läufen, mit der jüngsten Aktivität zuerst: seine Bewegung, Einzelbilder, Anzahl je Status, Sitzung, letzte Aktivität (UTC) und der Director, der ihn geöffnet hat. Schreibt nichts.</translation>
    </message>
    <message>
        <source>The folder that holds the run folders.</source>
        <translation>Der Ordner, der die Laufordner enthält.</translation>
    </message>
    <message>
        <source>Print one JSON array, a run each.</source>
        <translation>Ein JSON-Array ausgeben, ein Element je Lauf.</translation>
    </message>
    <message>
        <source>No runs in this folder.
</source>
        <translation>Keine Läufe in diesem Ordner.
</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>LAUF</translation>
    </message>
    <message>
        <source>MOVE</source>
        <translation>BEWEGUNG</translation>
    </message>
    <message>
        <source>FRAMES</source>
        <translation>EINZELBILDER</translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation>APPROVED</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>WARN</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>GENERATED</source>
        <translation>GENERATED</translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation>PENDING</translation>
    </message>
    <message>
        <source>SESSION</source>
        <translation>SITZUNG</translation>
    </message>
    <message>
        <source>LAST ACTIVITY (UTC)</source>
        <translation>LETZTE AKTIVITÄT (UTC)</translation>
    </message>
    <message>
        <source>OPEN ELSEWHERE</source>
        <translation>ANDERSWO GEÖFFNET</translation>
    </message>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1 (Prozess %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Director</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>Every change is saved, or being saved.</source>
        <translation>Jede Änderung ist gespeichert oder wird gerade gespeichert.</translation>
    </message>
    <message>
        <source>%1 · %2[*] — Director</source>
        <translation>%1 · %2[*] — Director</translation>
    </message>
    <message>
        <source>unknown move</source>
        <translation>unbekannte Bewegung</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Über Qt</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Opening %1… %L2 of %L3 frames read</source>
        <translation>%1 wird geöffnet … %L2 von %L3 Einzelbildern gelesen</translation>
    </message>
    <message>
        <source>%1 · %2 (read-only)[*] — Director</source>
        <translation>%1 · %2 (schreibgeschützt)[*] — Director</translation>
    </message>
</context>
<context>
    <name>MaskBar</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Undo Stroke</source>
        <translation>Strich rückgängig</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>Nachbearbeiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush size</source>
        <translation>Pinselgröße</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Erase with the left button (the right button always erases)</source>
        <translation>Mit der linken Taste radieren (die rechte Taste radiert immer)</translation>
    </message>
    <message>
        <source>Undo the last stroke (Backspace on the stage)</source>
        <translation>Den letzten Strich rückgängig machen (Rücktaste auf der Bühne)</translation>
    </message>
    <message>
        <source>Prompt for the inpainting provider</source>
        <translation>Prompt für den Inpainting-Anbieter</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>&amp;Brush:</source>
        <translation>&amp;Pinsel:</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>MaskPresenter</name>
    <message>
        <source>The frame&apos;s image is not the size the mask was painted on.</source>
        <translation>Das Bild des Einzelbilds hat nicht die Größe, auf der die Maske gemalt wurde.</translation>
    </message>
    <message>
        <source>The inpainted frame was dropped: its run is no longer open.</source>
        <translation>Das per Inpainting bearbeitete Einzelbild wurde verworfen: Sein Lauf ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>Inpainting cancelled: nothing changed.</source>
        <translation>Inpainting abgebrochen: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Inpaint frame %1</source>
        <translation>Inpainting für Einzelbild %1</translation>
    </message>
    <message numerus="yes">
        <source>Frame %1 inpainted: %n pixel(s) changed.</source>
        <translation>
            <numerusform>Einzelbild %1 per Inpainting bearbeitet: %n Pixel geändert.</numerusform>
            <numerusform>Einzelbild %1 per Inpainting bearbeitet: %n Pixel geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <source>Frame %1 was not patched: %2</source>
        <translation>Einzelbild %1 wurde nicht nachbearbeitet: %2</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>Open Read-Only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Close Anyway</source>
        <translation>Trotzdem schließen</translation>
    </message>
    <message>
        <source>Take Over…</source>
        <translation>Übernehmen …</translation>
    </message>
</context>
<context>
    <name>MotionPlot</name>
    <message>
        <source>Motion plot</source>
        <translation>Bewegungsdiagramm</translation>
    </message>
    <message>
        <source>Each frame&apos;s baseline gap and pivot shift from the anchor, as commit will write it. Click to go to a frame.</source>
        <translation>Grundlinienabstand und Drehpunktverschiebung jedes Einzelbilds gegenüber dem Ankerbild, so wie der Abschluss sie schreiben wird. Klicken Sie, um zu einem Einzelbild zu gehen.</translation>
    </message>
    <message>
        <source>baseline gap</source>
        <translation>Grundlinienabstand</translation>
    </message>
    <message>
        <source>pivot x</source>
        <translation>Drehpunkt x</translation>
    </message>
    <message>
        <source>pivot y</source>
        <translation>Drehpunkt y</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
</context>
<context>
    <name>OpenCommand</name>
    <message>
        <source>Director: review the frames of a sprite animation run.

Commands:
  director RUN_DIR                 open the review window (on a run)
  director demo [DIR] [--no-gui]   write the demo run into DIR and open it
  director status RUN_DIR [--json] summary of a run and its session
  director validate FILE           check a session file
  director frame RUN_DIR INDEX [--status S] [--nudge DX,DY] [--clear-nudge] [--note TEXT]
  director commit RUN_DIR          write approved/ and mark the session committed
  director discard RUN_DIR         mark the session discarded

Exit codes: 0 success, 1 invalid input or failed operation, 2 refused by the rules, 3 the session is locked by another running Director.</source>
        <translation>Director: die Einzelbilder eines Sprite-Animationslaufs durchsehen.

Befehle:
  director RUN_DIR                 das Durchsichtsfenster öffnen (auf einem Lauf)
  director demo [DIR] [--no-gui]   den Demo-Lauf nach DIR schreiben und öffnen
  director status RUN_DIR [--json] Übersicht über einen Lauf und seine Sitzung
  director validate FILE           eine Sitzungsdatei prüfen
  director frame RUN_DIR INDEX [--status S] [--nudge DX,DY] [--clear-nudge] [--note TEXT]
  director commit RUN_DIR          approved/ schreiben und die Sitzung als abgeschlossen markieren
  director discard RUN_DIR         die Sitzung als verworfen markieren

Exit-Codes: 0 Erfolg, 1 ungültige Eingabe oder fehlgeschlagener Vorgang, 2 von den Regeln abgelehnt, 3 die Sitzung ist von einem anderen laufenden Director gesperrt.</translation>
    </message>
    <message>
        <source>The run folder to open.</source>
        <translation>Der zu öffnende Laufordner.</translation>
    </message>
    <message>
        <source>When the session file cannot be read: &quot;backup&quot; restores the backup, &quot;new&quot; starts a new review; the bad file is kept aside.</source>
        <translation>Wenn die Sitzungsdatei nicht lesbar ist: „backup“ stellt die Sicherung wieder her, „new“ beginnt eine neue Durchsicht; die fehlerhafte Datei wird beiseitegelegt.</translation>
    </message>
    <message>
        <source>  director preview RUN_DIR [--sheet FILE.png] [--columns N] [--animation FILE.webp] [--fps N] [--approved-only]
                                   the move as commit would write it, as a sprite sheet and an animation
</source>
        <translation>  director preview RUN_DIR [--sheet FILE.png] [--columns N] [--animation FILE.webp] [--fps N] [--approved-only]
                                   die Bewegung, wie commit sie schreiben würde, als Sprite-Sheet und als Animation
</translation>
    </message>
    <message>
        <source>  director patch RUN_DIR INDEX (--from FILE [--prompt TEXT] | --legalize [--alpha keep|snap] | --mask MASK.png --prompt TEXT [--provider CMD] [--timeout SECONDS] | --revert)
                                   patch one frame, or revert it to its original image
</source>
        <translation>  director patch RUN_DIR INDEX (--from FILE [--prompt TEXT] | --legalize [--alpha keep|snap] | --mask MASK.png --prompt TEXT [--provider CMD] [--timeout SECONDS] | --revert)
                                   ein Einzelbild nachbearbeiten oder auf sein Originalbild zurücksetzen
</translation>
    </message>
    <message>
        <source>  director [RUNS_DIR]              the start page: every run in a folder of runs
  director list RUNS_DIR [--json]  every run in a folder of runs, newest first
  director unlock RUN_DIR --holder PID@HOST
                                   take over the lock a crashed computer left
</source>
        <translation>  director [RUNS_DIR]              die Startseite: jeder Lauf in einem Ordner von Läufen
  director list RUNS_DIR [--json]  jeder Lauf in einem Ordner von Läufen, neueste zuerst
  director unlock RUN_DIR --holder PID@HOST
                                   die Sperre übernehmen, die ein abgestürzter Computer hinterlassen hat
</translation>
    </message>
    <message>
        <source>  director report RUN_DIR [--html FILE] [--json FILE|-] [--md FILE|-]
                                   the review report: the run, the counts, every frame as commit would write it
</source>
        <translation>  director report RUN_DIR [--html FILE] [--json FILE|-] [--md FILE|-]
                                   der Durchsichtsbericht: der Lauf, die Anzahlen, jedes Einzelbild so, wie der Abschluss es schreiben würde
</translation>
    </message>
    <message>
        <source>Or a folder of runs, for the start page: every run in it at a glance. Without an argument, the start page shows the folder of the run opened last.</source>
        <translation>Oder ein Ordner von Läufen, für die Startseite: jeder Lauf darin auf einen Blick. Ohne Argument zeigt die Startseite den Ordner des zuletzt geöffneten Laufs.</translation>
    </message>
</context>
<context>
    <name>PaletteCheck</name>
    <message>
        <source>&quot;colors&quot; is not a list</source>
        <translation>„colors“ ist keine Liste</translation>
    </message>
    <message>
        <source>&quot;colors&quot; holds no colour or too many</source>
        <translation>„colors“ enthält keine oder zu viele Farben</translation>
    </message>
    <message>
        <source>%1 is not a colour written #rrggbb</source>
        <translation>%1 ist keine als #rrggbb geschriebene Farbe</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>larger than 1 MB</source>
        <translation>größer als 1 MB</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>PaletteLegalize</name>
    <message>
        <source>The palette has no colour: there is nothing to snap to.</source>
        <translation>Die Palette enthält keine Farbe: Es gibt nichts, woran sich angleichen ließe.</translation>
    </message>
</context>
<context>
    <name>PatchCommand</name>
    <message>
        <source>Patch one frame, or revert it to its original image, through the session&apos;s rules, lock and atomic save. The patch&apos;s image and a mask of exactly the pixels it changed are written to patches/ in the run.</source>
        <translation>Ein Einzelbild nachbearbeiten oder auf sein Originalbild zurücksetzen, nach den Regeln der Sitzung, mit ihrer Sperre und atomarem Speichern. Das Bild der Nachbearbeitung und eine Maske genau der Pixel, die sie geändert hat, werden in patches/ im Lauf geschrieben.</translation>
    </message>
    <message>
        <source>The frame index (0, 1, ...).</source>
        <translation>Der Index des Einzelbilds (0, 1, …).</translation>
    </message>
    <message>
        <source>Make this PNG (the size of the frame&apos;s image) the frame&apos;s new patch.</source>
        <translation>Diese PNG-Datei (in der Größe des Bilds des Einzelbilds) zur neuen Nachbearbeitung des Einzelbilds machen.</translation>
    </message>
    <message>
        <source>What the patch fixes, kept with it.</source>
        <translation>Was die Nachbearbeitung behebt; wird mit ihr aufbewahrt.</translation>
    </message>
    <message>
        <source>Take the frame back to the image its patches were made on (the patches stay in its history).</source>
        <translation>Das Einzelbild auf das Bild zurücksetzen, auf dem seine Nachbearbeitungen beruhen (die Nachbearbeitungen bleiben in seinem Verlauf).</translation>
    </message>
    <message>
        <source>--provider and --timeout go with --mask</source>
        <translation>--provider und --timeout gehören zu --mask</translation>
    </message>
    <message>
        <source>frame %1: %2, image %3
</source>
        <translation>Einzelbild %1: %2, Bild %3
</translation>
    </message>
    <message>
        <source>%1 cannot be used as a patch: %2</source>
        <translation>%1 kann nicht als Nachbearbeitung verwendet werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n pixel(s) changed
</source>
        <translation>
            <numerusform>%n Pixel geändert
</numerusform>
            <numerusform>%n Pixel geändert
</numerusform>
        </translation>
    </message>
    <message>
        <source>Have an inpainting provider repaint the white pixels of this PNG (the frame&apos;s size), with --prompt, and make the result the frame&apos;s new patch (docs/provider.md).</source>
        <translation>Die weißen Pixel dieser PNG-Datei (in der Größe des Einzelbilds) von einem Inpainting-Anbieter neu malen lassen, mit --prompt, und das Ergebnis zur neuen Nachbearbeitung des Einzelbilds machen (docs/provider.md).</translation>
    </message>
    <message>
        <source>The inpainting provider&apos;s command line (default: the setting %1, else %2 next to director).</source>
        <translation>Die Befehlszeile des Inpainting-Anbieters (Vorgabe: die Einstellung %1, sonst %2 neben director).</translation>
    </message>
    <message>
        <source>Stop the provider after this many seconds (default %1).</source>
        <translation>Den Anbieter nach so vielen Sekunden beenden (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>--timeout takes seconds, more than 0 and at most a day</source>
        <translation>--timeout erwartet Sekunden, mehr als 0 und höchstens einen Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n pixel(s) repainted by the inpainting provider
</source>
        <translation>
            <numerusform>%n Pixel vom Inpainting-Anbieter neu gemalt
</numerusform>
            <numerusform>%n Pixel vom Inpainting-Anbieter neu gemalt
</numerusform>
        </translation>
    </message>
    <message>
        <source>Make the frame&apos;s image, every colour off the run&apos;s palette replaced by the nearest palette colour, its new patch.</source>
        <translation>Das Bild des Einzelbilds, jede Farbe außerhalb der Palette des Laufs durch die nächste Palettenfarbe ersetzt, zu seiner neuen Nachbearbeitung machen.</translation>
    </message>
    <message>
        <source>With --legalize: keep partial alpha as it is (keep, the default) or make it whole (snap).</source>
        <translation>Mit --legalize: Teiltransparenz unverändert lassen (keep, die Vorgabe) oder einrasten (snap).</translation>
    </message>
    <message>
        <source>nothing to do: give --from FILE, --legalize, --mask MASK or --revert</source>
        <translation>nichts zu tun: --from FILE, --legalize, --mask MASK oder --revert angeben</translation>
    </message>
    <message>
        <source>give only one of --from, --legalize, --mask and --revert</source>
        <translation>nur eines von --from, --legalize, --mask und --revert angeben</translation>
    </message>
    <message>
        <source>--prompt goes with a patch from a file or a provider (--from or --mask)</source>
        <translation>--prompt gehört zu einer Nachbearbeitung aus einer Datei oder von einem Anbieter (--from oder --mask)</translation>
    </message>
    <message>
        <source>--alpha goes with --legalize</source>
        <translation>--alpha gehört zu --legalize</translation>
    </message>
    <message>
        <source>--alpha is keep or snap, not &quot;%1&quot;</source>
        <translation>--alpha ist keep oder snap, nicht „%1“</translation>
    </message>
    <message>
        <source>palette.json: %1; </source>
        <translation>palette.json: %1; </translation>
    </message>
    <message>
        <source>%1the anchor, frame %2, has no colour to take a palette from</source>
        <translation>%1das Ankerbild, Einzelbild %2, hat keine Farbe, aus der sich eine Palette bilden ließe</translation>
    </message>
    <message>
        <source>%1the anchor&apos;s colours are used
</source>
        <translation>%1die Farben des Ankerbilds werden verwendet
</translation>
    </message>
    <message>
        <source>frame %1 has no pixel off the palette and no partial alpha: nothing to legalize</source>
        <translation>Einzelbild %1 hat kein Pixel außerhalb der Palette und keine Teiltransparenz: nichts anzugleichen</translation>
    </message>
    <message>
        <source>frame %1 has no pixel off the palette: nothing to legalize</source>
        <translation>Einzelbild %1 hat kein Pixel außerhalb der Palette: nichts anzugleichen</translation>
    </message>
    <message numerus="yes">
        <source>%n pixel(s) recoloured, </source>
        <translation>
            <numerusform>%n Pixel umgefärbt, </numerusform>
            <numerusform>%n Pixel umgefärbt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alpha edge(s) snapped
</source>
        <translation>
            <numerusform>%n Alphakante eingerastet
</numerusform>
            <numerusform>%n Alphakanten eingerastet
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatchFiles</name>
    <message>
        <source>The patch could not be encoded as PNG.</source>
        <translation>Die Nachbearbeitung konnte nicht als PNG kodiert werden.</translation>
    </message>
    <message>
        <source>%1 is not a folder of the run: Director writes patches only inside the run folder.</source>
        <translation>%1 ist kein Ordner des Laufs: Director schreibt Nachbearbeitungen nur innerhalb des Laufordners.</translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation>%1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The patch has no image.</source>
        <translation>Die Nachbearbeitung hat kein Bild.</translation>
    </message>
    <message>
        <source>The patched image is %1×%2 pixels; frame %3&apos;s image is %4×%5.</source>
        <translation>Das nachbearbeitete Bild ist %1×%2 Pixel groß, das Bild von Einzelbild %3 %4×%5.</translation>
    </message>
    <message>
        <source>The patch changes no pixel of frame %1: nothing to record.</source>
        <translation>Die Nachbearbeitung ändert kein Pixel von Einzelbild %1: Es gibt nichts festzuhalten.</translation>
    </message>
</context>
<context>
    <name>PatchHistoryView</name>
    <message>
        <source>Patches</source>
        <translation>Nachbearbeitungen</translation>
    </message>
    <message>
        <source>Patch history</source>
        <translation>Nachbearbeitungsverlauf</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Patched</source>
        <translation>Nachbearbeitet</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (aktuell)</translation>
    </message>
</context>
<context>
    <name>PatchMaker</name>
    <message>
        <source>Frame %1 has no image yet: there is nothing to patch.</source>
        <translation>Einzelbild %1 hat noch kein Bild: Es gibt nichts nachzubearbeiten.</translation>
    </message>
</context>
<context>
    <name>PatchMask</name>
    <message>
        <source>The mask %1 cannot be read: %2</source>
        <translation>Die Maske %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The mask %1 is %2×%3 pixels; the frame is %4×%5.</source>
        <translation>Die Maske %1 ist %2×%3 Pixel groß, das Einzelbild %4×%5.</translation>
    </message>
    <message>
        <source>The mask %1 masks no pixel (white, opaque pixels are repainted).</source>
        <translation>Die Maske %1 maskiert kein Pixel (weiße, deckende Pixel werden neu gemalt).</translation>
    </message>
</context>
<context>
    <name>PatchPresenter</name>
    <message>
        <source>There is no frame %1 in this run.</source>
        <translation>In diesem Lauf gibt es kein Einzelbild %1.</translation>
    </message>
    <message>
        <source>Legalize Palette</source>
        <translation>An Palette angleichen</translation>
    </message>
    <message>
        <source>Frame %1 changed while the preview was open: legalize it again.</source>
        <translation>Einzelbild %1 wurde geändert, während die Vorschau offen war: Gleichen Sie es erneut an die Palette an.</translation>
    </message>
    <message>
        <source>Legalize the palette of frame %1</source>
        <translation>Einzelbild %1 an die Palette angleichen</translation>
    </message>
    <message>
        <source>Replace Frame %1 with File</source>
        <translation>Einzelbild %1 durch Datei ersetzen</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Replace with File</source>
        <translation>Durch Datei ersetzen</translation>
    </message>
    <message>
        <source>Frame %1 was not replaced: %2</source>
        <translation>Einzelbild %1 wurde nicht ersetzt: %2</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Es gibt keine Datei %1.</translation>
    </message>
    <message>
        <source>%1 is not a PNG image.</source>
        <translation>%1 ist kein PNG-Bild.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2 × %3 pixels; the frame is %4 × %5. A patch has the frame&apos;s size.</source>
        <translation>%1 ist %2 × %3 Pixel groß, das Einzelbild %4 × %5. Eine Nachbearbeitung hat die Größe des Einzelbilds.</translation>
    </message>
    <message>
        <source>Replace frame %1 with %2</source>
        <translation>Einzelbild %1 durch %2 ersetzen</translation>
    </message>
    <message>
        <source>Revert to Original</source>
        <translation>Auf Original zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Edit in %1…</source>
        <translation>In %1 &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Edit in Pixel Editor</source>
        <translation>Im Pixel-Editor bearbeiten</translation>
    </message>
    <message>
        <source>Frame %1 is open in %2 already.</source>
        <translation>Einzelbild %1 ist bereits in %2 geöffnet.</translation>
    </message>
    <message>
        <source>Edit frame %1 in %2</source>
        <translation>Einzelbild %1 in %2 bearbeiten</translation>
    </message>
    <message>
        <source>Edit in %1</source>
        <translation>In %1 bearbeiten</translation>
    </message>
    <message>
        <source>The save from %1 is a patch of frame %2.</source>
        <translation>Die Speicherung aus %1 ist eine Nachbearbeitung von Einzelbild %2.</translation>
    </message>
</context>
<context>
    <name>PipelineNews</name>
    <message numerus="yes">
        <source>%n frame(s) updated</source>
        <translation>
            <numerusform>%n Einzelbild aktualisiert</numerusform>
            <numerusform>%n Einzelbilder aktualisiert</numerusform>
        </translation>
    </message>
    <message>
        <source>From the pipeline: %1, %2.</source>
        <translation>Aus der Pipeline: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n new frame(s)</source>
        <translation>
            <numerusform>%n neues Einzelbild</numerusform>
            <numerusform>%n neue Einzelbilder</numerusform>
        </translation>
    </message>
    <message>
        <source>From the pipeline: %1.</source>
        <translation>Aus der Pipeline: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the pipeline to finish writing the files of %n frame(s): %1</source>
        <translation>
            <numerusform>Warte darauf, dass die Pipeline die Dateien von %n Einzelbild fertig schreibt: %1</numerusform>
            <numerusform>Warte darauf, dass die Pipeline die Dateien von %n Einzelbildern fertig schreibt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not taken in from the pipeline: %1</source>
        <translation>Nicht aus der Pipeline übernommen: %1</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>Frames per second</source>
        <translation>Bilder pro Sekunde</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>In and out points</source>
        <translation>In- und Out-Punkte</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>In %1 · Out %2</source>
        <translation>In %1 · Out %2</translation>
    </message>
    <message>
        <source>first</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>last</source>
        <translation>Ende</translation>
    </message>
    <message numerus="yes">
        <source>Frame %1 · %2 / %3 · %4 fps target · %5 measured · %n dropped</source>
        <translation>
            <numerusform>Einzelbild %1 · %2 / %3 · Ziel %4 fps · gemessen %5 · %n ausgelassen</numerusform>
            <numerusform>Einzelbild %1 · %2 / %3 · Ziel %4 fps · gemessen %5 · %n ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Frames on each side of the loop point</source>
        <translation>Einzelbilder auf jeder Seite des Schleifenpunkts</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark, for pixel work</source>
        <translation>Dunkel, für Pixelarbeit</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Dark uses neutral greys, so that no tint around a frame changes how its colours look. Follow system is dark when the system is.</source>
        <translation>Dunkel verwendet neutrale Grautöne, damit kein Farbstich rund um ein Einzelbild verändert, wie seine Farben wirken. „Wie das System“ ist dunkel, wenn das System es ist.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Takes effect when Director is started again.</source>
        <translation>Wirkt beim nächsten Start von Director.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language takes effect when Director is started again.</source>
        <translation>Die Sprache wirkt beim nächsten Start von Director.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Arbeitsfläche</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>The stage&apos;s zoom; View → Zoom changes it too.</source>
        <translation>Der Zoom der Arbeitsfläche; Ansicht → Zoom ändert ihn ebenfalls.</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>Show &amp;onion skin</source>
        <translation>Z&amp;wiebelschicht zeigen</translation>
    </message>
    <message>
        <source>Previous frame opacity</source>
        <translation>Deckkraft des vorherigen Einzelbilds</translation>
    </message>
    <message>
        <source>&amp;Previous frame:</source>
        <translation>&amp;Vorheriges Einzelbild:</translation>
    </message>
    <message>
        <source>Anchor frame opacity</source>
        <translation>Deckkraft des Ankerbilds</translation>
    </message>
    <message>
        <source>&amp;Anchor frame:</source>
        <translation>&amp;Ankerbild:</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Durchsicht</translation>
    </message>
    <message>
        <source>Advance to the next frame after Approve or &amp;Reject</source>
        <translation>Nach Freigeben oder Ab&amp;lehnen zum nächsten Einzelbild</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>The previous frame (red), the next one (blue) and the anchor, faint, under the current frame.</source>
        <translation>Das vorherige Einzelbild (rot), das nächste (blau) und das Ankerbild, blass, unter dem aktuellen Einzelbild.</translation>
    </message>
    <message>
        <source>Next frame opacity</source>
        <translation>Deckkraft des nächsten Einzelbilds</translation>
    </message>
    <message>
        <source>&amp;Next frame:</source>
        <translation>&amp;Nächstes Einzelbild:</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>Nachbearbeitungen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Pixel editor</source>
        <translation>Pixel-Editor</translation>
    </message>
    <message>
        <source>The command line Patch → Edit in … starts, the frame&apos;s file added at its end. Empty: the first of Aseprite, LibreSprite and GIMP found, else the default application for PNG images.</source>
        <translation>Die Befehlszeile, die Nachbearbeitung → Bearbeiten in … startet; die Datei des Einzelbilds wird an ihr Ende angehängt. Leer: das erste gefundene von Aseprite, LibreSprite und GIMP, sonst die Standardanwendung für PNG-Bilder.</translation>
    </message>
    <message>
        <source>Pixel &amp;editor:</source>
        <translation>Pixel-&amp;Editor:</translation>
    </message>
    <message>
        <source>Bundled (fills from the anchor frame)</source>
        <translation>Mitgeliefert (füllt aus dem Ankerbild)</translation>
    </message>
    <message>
        <source>Inpainting provider</source>
        <translation>Inpainting-Anbieter</translation>
    </message>
    <message>
        <source>The command line Paint Mask → Patch runs: it reads a JSON request on standard input and answers with the patched image&apos;s path (docs/provider.md). Empty: the bundled director-inpaint-anchor, which fills the mask from the anchor frame.</source>
        <translation>Die Befehlszeile, die Maske malen → Nachbearbeiten ausführt: Sie liest eine JSON-Anfrage von der Standardeingabe und antwortet mit dem Pfad des nachbearbeiteten Bilds (docs/provider.md). Leer: das mitgelieferte director-inpaint-anchor, das die Maske aus dem Ankerbild füllt.</translation>
    </message>
    <message>
        <source>&amp;Inpainting provider:</source>
        <translation>&amp;Inpainting-Anbieter:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Recorded in the session file with every frame you approve or reject. Left empty: your login name, %1.</source>
        <translation>Wird in der Sitzungsdatei mit jedem Einzelbild vermerkt, das Sie freigeben oder ablehnen. Leer: Ihr Anmeldename, %1.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
</context>
<context>
    <name>PreviewCommand</name>
    <message>
        <source>--%1: &quot;%2&quot; is not a whole number</source>
        <translation>--%1: „%2“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>Write the move as commit would write it (offsets applied, the latest patches) as a sprite sheet (PNG) and/or an animated WebP, for the people who are not at the workstation. Writes nothing in the run folder.</source>
        <translation>Die Bewegung so schreiben, wie commit sie schreiben würde (mit angewandten Versätzen und den neuesten Nachbearbeitungen), als Sprite-Sheet (PNG) und/oder animiertes WebP, für alle, die nicht am Arbeitsplatz sind. Schreibt nichts in den Laufordner.</translation>
    </message>
    <message>
        <source>Write the sprite sheet to FILE (PNG): the frames in index order, left to right, then top to bottom, each cell the frame&apos;s canvas size, transparent where a frame has no image yet.</source>
        <translation>Das Sprite-Sheet nach FILE (PNG) schreiben: die Einzelbilder nach Index geordnet, von links nach rechts, dann von oben nach unten, jede Zelle so groß wie die Bildfläche eines Einzelbilds, transparent, wo ein Einzelbild noch kein Bild hat.</translation>
    </message>
    <message>
        <source>The sheet&apos;s cells a row (default: every frame in one row).</source>
        <translation>Zellen des Sprite-Sheets pro Zeile (Vorgabe: alle Einzelbilder in einer Zeile).</translation>
    </message>
    <message>
        <source>Write the animation to FILE (animated WebP, lossless, looping); frames without an image yet are left out.</source>
        <translation>Die Animation nach FILE schreiben (animiertes WebP, verlustfrei, als Schleife); Einzelbilder, die noch kein Bild haben, werden ausgelassen.</translation>
    </message>
    <message>
        <source>The animation&apos;s frames a second, %1 to %2 (default %3).</source>
        <translation>Bilder pro Sekunde der Animation, %1 bis %2 (Vorgabe %3).</translation>
    </message>
    <message>
        <source>Only the APPROVED frames.</source>
        <translation>Nur die Einzelbilder mit APPROVED.</translation>
    </message>
    <message>
        <source>--sheet needs a file name</source>
        <translation>--sheet braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>--animation needs a file name</source>
        <translation>--animation braucht einen Dateinamen</translation>
    </message>
</context>
<context>
    <name>PreviewExport</name>
    <message>
        <source>Nothing to write: name a sprite sheet, an animation or both.</source>
        <translation>Nichts zu schreiben: Geben Sie ein Sprite-Sheet, eine Animation oder beides an.</translation>
    </message>
    <message>
        <source>The number of columns must be 0 (one row) or more.</source>
        <translation>Die Anzahl der Spalten muss 0 (eine Zeile) oder mehr sein.</translation>
    </message>
    <message>
        <source>The frame rate must be from %1 to %2 frames a second.</source>
        <translation>Die Bildrate muss %1 bis %2 Bilder pro Sekunde betragen.</translation>
    </message>
    <message>
        <source>The sprite sheet and the animation need two files.</source>
        <translation>Sprite-Sheet und Animation brauchen zwei verschiedene Dateien.</translation>
    </message>
    <message>
        <source>Sprite sheet: %1 (%2 × %3 cells of %4×%5 pixels)</source>
        <translation>Sprite-Sheet: %1 (%2 × %3 Zellen zu je %4×%5 Pixeln)</translation>
    </message>
    <message>
        <source>The sprite sheet was written to %1, but the animation was not: %2</source>
        <translation>Das Sprite-Sheet wurde nach %1 geschrieben, die Animation aber nicht: %2</translation>
    </message>
    <message numerus="yes">
        <source>Animation: %1 (%n frame(s) at %2 frames a second)</source>
        <translation>
            <numerusform>Animation: %1 (%n Einzelbild bei %2 Bildern pro Sekunde)</numerusform>
            <numerusform>Animation: %1 (%n Einzelbilder bei %2 Bildern pro Sekunde)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewFrames</name>
    <message>
        <source>No frame is APPROVED yet: there is nothing to preview.</source>
        <translation>Noch kein Einzelbild ist APPROVED: Es gibt nichts für eine Vorschau.</translation>
    </message>
    <message>
        <source>The run has no frames: there is nothing to preview.</source>
        <translation>Der Lauf hat keine Einzelbilder: Es gibt nichts für eine Vorschau.</translation>
    </message>
    <message>
        <source>No frame has an image yet: there is nothing to preview.</source>
        <translation>Noch kein Einzelbild hat ein Bild: Es gibt nichts für eine Vorschau.</translation>
    </message>
    <message>
        <source>Frame %1: %2</source>
        <translation>Einzelbild %1: %2</translation>
    </message>
    <message>
        <source>Frame %1: %2 is %3×%4 pixels, but the frames of this run are %5×%6</source>
        <translation>Einzelbild %1: %2 ist %3×%4 Pixel groß, die Einzelbilder dieses Laufs sind aber %5×%6</translation>
    </message>
</context>
<context>
    <name>PreviewProgress</name>
    <message>
        <source>Stopped: nothing was written.</source>
        <translation>Angehalten: Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Why this review cannot be changed</source>
        <translation>Warum diese Durchsicht nicht geändert werden kann</translation>
    </message>
    <message>
        <source>Read-only: another Director has this run open, or it was opened for viewing. Changes are not possible.</source>
        <translation>Schreibgeschützt: Ein anderer Director hat diesen Lauf geöffnet, oder er wurde zum Ansehen geöffnet. Änderungen sind nicht möglich.</translation>
    </message>
    <message>
        <source>This session is committed: its frames are in approved/. It can no longer be changed.</source>
        <translation>Diese Sitzung ist abgeschlossen: Ihre Einzelbilder liegen in approved/. Sie kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>This session was discarded. It can no longer be changed.</source>
        <translation>Diese Sitzung wurde verworfen. Sie kann nicht mehr geändert werden.</translation>
    </message>
</context>
<context>
    <name>ReasonCodes</name>
    <message>
        <source>Wrong dimensions</source>
        <translation>Falsche Abmessungen</translation>
    </message>
    <message>
        <source>The frame is not the size the manifest asks for.</source>
        <translation>Das Einzelbild hat nicht die Größe, die das Manifest verlangt.</translation>
    </message>
    <message>
        <source>Empty frame</source>
        <translation>Leeres Einzelbild</translation>
    </message>
    <message>
        <source>Every pixel is transparent: nothing was drawn.</source>
        <translation>Jedes Pixel ist transparent: Es wurde nichts gezeichnet.</translation>
    </message>
    <message>
        <source>Corrupted image</source>
        <translation>Beschädigtes Bild</translation>
    </message>
    <message>
        <source>The image file could not be decoded.</source>
        <translation>Die Bilddatei konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>Wrong colour depth</source>
        <translation>Falsche Farbtiefe</translation>
    </message>
    <message>
        <source>The image is not 8-bit RGBA.</source>
        <translation>Das Bild ist nicht 8-Bit-RGBA.</translation>
    </message>
    <message>
        <source>Invalid file size</source>
        <translation>Ungültige Dateigröße</translation>
    </message>
    <message>
        <source>The file is empty or far larger than a frame can be.</source>
        <translation>Die Datei ist leer oder viel größer, als ein Einzelbild sein kann.</translation>
    </message>
    <message>
        <source>No transparency</source>
        <translation>Keine Transparenz</translation>
    </message>
    <message>
        <source>The frame has no alpha channel: the background was not removed.</source>
        <translation>Das Einzelbild hat keinen Alphakanal: Der Hintergrund wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>Identity collapse</source>
        <translation>Identitätsverlust</translation>
    </message>
    <message>
        <source>The character no longer resembles the anchor frame.</source>
        <translation>Die Figur ähnelt dem Ankerbild nicht mehr.</translation>
    </message>
    <message>
        <source>Identity drift</source>
        <translation>Identitätsabweichung</translation>
    </message>
    <message>
        <source>The character&apos;s shape or features differ from the anchor: compare with onion skin.</source>
        <translation>Form oder Merkmale der Figur weichen vom Ankerbild ab: mit der Zwiebelschicht vergleichen.</translation>
    </message>
    <message>
        <source>Palette drift</source>
        <translation>Palettenabweichung</translation>
    </message>
    <message>
        <source>Colours outside the character&apos;s palette were used.</source>
        <translation>Es wurden Farben außerhalb der Palette der Figur verwendet.</translation>
    </message>
    <message>
        <source>Alpha halo</source>
        <translation>Alpha-Halo</translation>
    </message>
    <message>
        <source>Half-transparent pixels fringe the outline.</source>
        <translation>Halbtransparente Pixel säumen die Kontur.</translation>
    </message>
    <message>
        <source>Baseline drift</source>
        <translation>Grundlinienabweichung</translation>
    </message>
    <message>
        <source>The feet are not on the anchor&apos;s baseline: nudge the frame into place.</source>
        <translation>Die Füße stehen nicht auf der Grundlinie des Ankerbilds: das Einzelbild an seinen Platz verschieben.</translation>
    </message>
    <message>
        <source>The feet are not on the anchor&apos;s baseline or root: nudge the frame into place.</source>
        <translation>Die Füße stehen nicht auf der Grundlinie oder dem Fußpunkt des Ankerbilds: das Einzelbild an seinen Platz verschieben.</translation>
    </message>
    <message>
        <source>Temporal flicker</source>
        <translation>Zeitliches Flackern</translation>
    </message>
    <message>
        <source>The frame jumps against its neighbours when played.</source>
        <translation>Das Einzelbild springt beim Abspielen gegenüber seinen Nachbarn.</translation>
    </message>
    <message>
        <source>Pixel noise</source>
        <translation>Pixelrauschen</translation>
    </message>
    <message>
        <source>Stray single pixels around or inside the sprite.</source>
        <translation>Verirrte Einzelpixel um das Sprite herum oder darin.</translation>
    </message>
    <message>
        <source>Fringe risk</source>
        <translation>Saumrisiko</translation>
    </message>
    <message>
        <source>Edge colours may show a fringe against dark backgrounds.</source>
        <translation>Randfarben können vor dunklen Hintergründen einen Saum zeigen.</translation>
    </message>
    <message>
        <source>Hard failure</source>
        <translation>Harter Fehler</translation>
    </message>
    <message>
        <source>A hard gate of the auditor failed: the frame is rejected.</source>
        <translation>Eine harte Prüfstufe des Prüfers ist fehlgeschlagen: Das Einzelbild ist abgelehnt.</translation>
    </message>
    <message>
        <source>Soft failure</source>
        <translation>Weicher Fehler</translation>
    </message>
    <message>
        <source>A soft gate of the auditor failed: look closely, a retry is possible.</source>
        <translation>Eine weiche Prüfstufe des Prüfers ist fehlgeschlagen: Genau hinsehen, ein neuer Versuch ist möglich.</translation>
    </message>
    <message>
        <source>Pipeline problem</source>
        <translation>Pipeline-Problem</translation>
    </message>
    <message>
        <source>The pipeline itself had a problem with this frame.</source>
        <translation>Die Pipeline selbst hatte mit diesem Einzelbild ein Problem.</translation>
    </message>
    <message>
        <source>Unknown flag</source>
        <translation>Unbekannter Befund</translation>
    </message>
    <message>
        <source>The auditor reported a code Director does not know.</source>
        <translation>Der Prüfer hat einen Code gemeldet, den Director nicht kennt.</translation>
    </message>
</context>
<context>
    <name>ReasonPicker</name>
    <message>
        <source>Reject Frame %1</source>
        <translation>Einzelbild %1 ablehnen</translation>
    </message>
    <message>
        <source>Why reject frame %1?</source>
        <translation>Warum Einzelbild %1 ablehnen?</translation>
    </message>
    <message>
        <source>Filter by code or title</source>
        <translation>Nach Code oder Titel filtern</translation>
    </message>
    <message>
        <source>Filter the reason codes</source>
        <translation>Die Begründungscodes filtern</translation>
    </message>
    <message>
        <source>Reason codes</source>
        <translation>Begründungscodes</translation>
    </message>
    <message>
        <source>Reason in your words (optional)</source>
        <translation>Grund in Ihren Worten (optional)</translation>
    </message>
    <message>
        <source>Reason in your words</source>
        <translation>Grund in Ihren Worten</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>No reason code chosen: Enter rejects without one</source>
        <translation>Kein Begründungscode gewählt: Die Eingabetaste lehnt ohne Code ab</translation>
    </message>
    <message>
        <source>Reason: %1 — %2</source>
        <translation>Grund: %1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n Frames</source>
        <translation>
            <numerusform>%n Einzelbild ablehnen</numerusform>
            <numerusform>%n Einzelbilder ablehnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Why reject %n frames?</source>
        <translation>
            <numerusform>Warum %n Einzelbild ablehnen?</numerusform>
            <numerusform>Warum %n Einzelbilder ablehnen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Type to filter, 1–9 to pick, Enter to reject, Esc to cancel.</source>
        <translation>Tippen zum Filtern, 1–9 zum Auswählen, Eingabetaste zum Ablehnen, Esc zum Abbrechen.</translation>
    </message>
    <message>
        <source>Why is frame %1 rejected? %2</source>
        <translation>Warum wird Einzelbild %1 abgelehnt? %2</translation>
    </message>
    <message numerus="yes">
        <source>Why are these %n frames rejected (%1)? One reason for all of them. %2</source>
        <translation>
            <numerusform>Warum wird dieses %n Einzelbild abgelehnt (%1)? %2</numerusform>
            <numerusform>Warum werden diese %n Einzelbilder abgelehnt (%1)? Ein Grund für alle. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No code matches: Enter rejects with “%1” as the reason</source>
        <translation>Kein Code passt: Die Eingabetaste lehnt mit „%1“ als Begründung ab</translation>
    </message>
</context>
<context>
    <name>RecentRunsMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (no longer there)</source>
        <translation>%1 (nicht mehr vorhanden)</translation>
    </message>
    <message>
        <source>No Recent Runs</source>
        <translation>Keine zuletzt geöffneten Läufe</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
</context>
<context>
    <name>RecoverOption</name>
    <message>
        <source>Recover an unreadable session file: backup or new.</source>
        <translation>Eine unlesbare Sitzungsdatei wiederherstellen: backup oder new.</translation>
    </message>
    <message>
        <source>--recover takes &quot;backup&quot; or &quot;new&quot;, not &quot;%1&quot;</source>
        <translation>--recover erwartet „backup“ oder „new“, nicht „%1“</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>Write the review report of a run: the run and its session, the counts, and every frame as commit would write it with its status, notes, nudge, patches and audit. As standalone HTML (the images inside it), JSON and/or Markdown. Writes nothing in the run folder unless a report is named there.</source>
        <translation>Den Durchsichtsbericht eines Laufs schreiben: den Lauf und seine Sitzung, die Anzahlen und jedes Einzelbild so, wie der Abschluss es schreiben würde, mit Status, Notizen, Verschiebung, Nachbearbeitungen und Prüfbefunden. Als eigenständiges HTML (mit eingebetteten Bildern), JSON und/oder Markdown. Schreibt nichts in den Laufordner, außer ein Bericht wird dort angegeben.</translation>
    </message>
    <message>
        <source>Write the report to FILE as one HTML file that stands alone: the frames&apos; images inside it, no scripts.</source>
        <translation>Den Bericht als eine eigenständige HTML-Datei nach FILE schreiben: die Bilder der Einzelbilder eingebettet, keine Skripte.</translation>
    </message>
    <message>
        <source>Write the report&apos;s facts to FILE as JSON (no images: the frames&apos; files in the run); - for standard output.</source>
        <translation>Die Fakten des Berichts als JSON nach FILE schreiben (ohne Bilder: die Dateien der Einzelbilder liegen im Lauf); - für die Standardausgabe.</translation>
    </message>
    <message>
        <source>Write the summary and a table of the frames to FILE as Markdown (no images); - for standard output.</source>
        <translation>Die Zusammenfassung und eine Tabelle der Einzelbilder als Markdown nach FILE schreiben (ohne Bilder); - für die Standardausgabe.</translation>
    </message>
    <message>
        <source>The side of the frames&apos; pictures in the HTML, in pixels (default 128): a frame is scaled up by a whole factor, nearest neighbour.</source>
        <translation>Die Seitenlänge der Bilder der Einzelbilder im HTML, in Pixeln (Vorgabe 128): Ein Einzelbild wird um einen ganzzahligen Faktor vergrößert, nächster Nachbar.</translation>
    </message>
    <message>
        <source>--%1 needs a file name</source>
        <translation>--%1 braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>--thumbnail: &quot;%1&quot; is not a number of pixels from 1 to 4096</source>
        <translation>--thumbnail: „%1“ ist keine Pixelzahl von 1 bis 4096</translation>
    </message>
    <message>
        <source>Only one report can go to standard output.</source>
        <translation>Nur ein Bericht kann in die Standardausgabe gehen.</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>%1 is the run&apos;s session file (or its backup or lock): the report is never written over it.</source>
        <translation>%1 ist die Sitzungsdatei des Laufs (oder ihre Sicherung oder Sperre): Der Bericht wird nie darüber geschrieben.</translation>
    </message>
    <message>
        <source>%1 is a file of the run folder: the report is written there only as a new file. Choose another name or folder.</source>
        <translation>%1 ist eine Datei des Laufordners: Der Bericht wird dort nur als neue Datei geschrieben. Wählen Sie einen anderen Namen oder Ordner.</translation>
    </message>
    <message>
        <source>%1 is a folder: name a file.</source>
        <translation>%1 ist ein Ordner: Geben Sie eine Datei an.</translation>
    </message>
    <message>
        <source>Nothing to write: name an HTML, JSON or Markdown report.</source>
        <translation>Nichts zu schreiben: Geben Sie einen HTML-, JSON- oder Markdown-Bericht an.</translation>
    </message>
    <message>
        <source>The HTML report goes to a file, not to standard output.</source>
        <translation>Der HTML-Bericht geht in eine Datei, nicht in die Standardausgabe.</translation>
    </message>
    <message>
        <source>Each report needs a file of its own.</source>
        <translation>Jeder Bericht braucht eine eigene Datei.</translation>
    </message>
    <message>
        <source>The size of the frames&apos; pictures must be 1 pixel or more.</source>
        <translation>Die Größe der Bilder der Einzelbilder muss mindestens 1 Pixel betragen.</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>HTML-Bericht</translation>
    </message>
    <message>
        <source>JSON report</source>
        <translation>JSON-Bericht</translation>
    </message>
    <message>
        <source>Markdown report</source>
        <translation>Markdown-Bericht</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n frame(s))</source>
        <translation>
            <numerusform>%1: %2 (%n Einzelbild)</numerusform>
            <numerusform>%1: %2 (%n Einzelbilder)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportHtml</name>
    <message>
        <source>Review report: %1</source>
        <translation>Durchsichtsbericht: %1</translation>
    </message>
    <message>
        <source>Review report: %1 (%2)</source>
        <translation>Durchsichtsbericht: %1 (%2)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Session status</source>
        <translation>Sitzungsstatus</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>%1: %2 approved, %3 nudged, %4 patched</source>
        <translation>%1: %2 freigegeben, %3 verschoben, %4 nachbearbeitet</translation>
    </message>
    <message>
        <source>Anchor frame</source>
        <translation>Ankerbild</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Bericht geschrieben</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Einzelbilder</translation>
    </message>
    <message>
        <source>Nudged</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Patched</source>
        <translation>Nachbearbeitet</translation>
    </message>
    <message>
        <source>With notes</source>
        <translation>Mit Notizen</translation>
    </message>
    <message>
        <source>Baseline and box</source>
        <translation>Grundlinie und Rahmen</translation>
    </message>
    <message>
        <source>Not measured: no frame and anchor both have visible pixels.</source>
        <translation>Nicht gemessen: Kein Einzelbild hat zusammen mit dem Ankerbild sichtbare Pixel.</translation>
    </message>
    <message>
        <source>Baseline gap and pivot shift of every frame</source>
        <translation>Grundlinienabstand und Drehpunktverschiebung jedes Einzelbilds</translation>
    </message>
    <message>
        <source>baseline gap (bars; up: above the anchor&apos;s)</source>
        <translation>Grundlinienabstand (Balken; nach oben: über der des Ankerbilds)</translation>
    </message>
    <message>
        <source>pivot x</source>
        <translation>Drehpunkt x</translation>
    </message>
    <message>
        <source>pivot y</source>
        <translation>Drehpunkt y</translation>
    </message>
    <message>
        <source>Each frame as commit would write it against the anchor (frame %1), in frame order, around zero.</source>
        <translation>Jedes Einzelbild so, wie der Abschluss es gegenüber dem Ankerbild (Einzelbild %1) schreiben würde, in der Reihenfolge der Einzelbilder, um null herum.</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Einzelbild</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfbefunde</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Verschiebung</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>Nachbearbeitungen</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Grundlinie</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>gap %1 px, pivot %2, %3</source>
        <translation>Abstand %1 px, Drehpunkt %2, %3</translation>
    </message>
    <message>
        <source>No image yet</source>
        <translation>Noch kein Bild</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Frame %1 as commit would write it</source>
        <translation>Einzelbild %1, so wie der Abschluss es schreiben würde</translation>
    </message>
    <message>
        <source>%1×%2 px, shown at %3×</source>
        <translation>%1×%2 px, in %3× angezeigt</translation>
    </message>
    <message>
        <source>%1×%2 px, shown smaller</source>
        <translation>%1×%2 px, verkleinert angezeigt</translation>
    </message>
    <message>
        <source>%1×%2 px</source>
        <translation>%1×%2 px</translation>
    </message>
    <message>
        <source>not audited</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message numerus="yes">
        <source>%n patch(es)</source>
        <translation>
            <numerusform>%n Nachbearbeitung</numerusform>
            <numerusform>%n Nachbearbeitungen</numerusform>
        </translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
</context>
<context>
    <name>ReportMarkdown</name>
    <message>
        <source>Frames</source>
        <translation>Einzelbilder</translation>
    </message>
    <message>
        <source>Images are not embedded in the Markdown report: each frame names its image in the run folder. The HTML report shows them.</source>
        <translation>Bilder sind im Markdown-Bericht nicht eingebettet: Jedes Einzelbild nennt sein Bild im Laufordner. Der HTML-Bericht zeigt sie.</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Einzelbild</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfbefunde</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Verschiebung</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>Nachbearbeitungen</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Review report: %1</source>
        <translation>Durchsichtsbericht: %1</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>%1: %2 approved, %3 nudged, %4 patched</source>
        <translation>%1: %2 freigegeben, %3 verschoben, %4 nachbearbeitet</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Bericht geschrieben</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 Einzelbilder</translation>
    </message>
    <message>
        <source>%1 nudged, %2 patched, %3 with notes</source>
        <translation>%1 verschoben, %2 nachbearbeitet, %3 mit Notizen</translation>
    </message>
    <message>
        <source> passed</source>
        <translation> bestanden</translation>
    </message>
    <message>
        <source> not passed</source>
        <translation> nicht bestanden</translation>
    </message>
    <message>
        <source>%1 (cannot be read: %2)</source>
        <translation>%1 (nicht lesbar: %2)</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Approve frame %1</source>
        <translation>Einzelbild %1 freigeben</translation>
    </message>
    <message>
        <source>Reject frame %1</source>
        <translation>Einzelbild %1 ablehnen</translation>
    </message>
    <message>
        <source>Nudge frame %1 by %2, %3</source>
        <translation>Einzelbild %1 um %2, %3 verschieben</translation>
    </message>
    <message>
        <source>Clear the nudge of frame %1</source>
        <translation>Verschiebung von Einzelbild %1 zurücksetzen</translation>
    </message>
    <message>
        <source>Edit the notes of frame %1</source>
        <translation>Notizen von Einzelbild %1 bearbeiten</translation>
    </message>
    <message>
        <source>No run is open.</source>
        <translation>Kein Lauf geöffnet.</translation>
    </message>
    <message>
        <source>Use attempt %1 for frame %2</source>
        <translation>Versuch %1 für Einzelbild %2 übernehmen</translation>
    </message>
    <message>
        <source>There is no frame %1 in this run.</source>
        <translation>In diesem Lauf gibt es kein Einzelbild %1.</translation>
    </message>
    <message>
        <source>Revert frame %1 to its original image</source>
        <translation>Einzelbild %1 auf sein Originalbild zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n frames</source>
        <translation>
            <numerusform>%n Einzelbild freigeben</numerusform>
            <numerusform>%n Einzelbilder freigeben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n frames</source>
        <translation>
            <numerusform>%n Einzelbild ablehnen</numerusform>
            <numerusform>%n Einzelbilder ablehnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nudge %n frames by %1, %2</source>
        <translation>
            <numerusform>%n Einzelbild um %1, %2 verschieben</numerusform>
            <numerusform>%n Einzelbilder um %1, %2 verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>A run is being opened: nothing can be changed until it is.</source>
        <translation>Ein Lauf wird geöffnet: Bis dahin lässt sich nichts ändern.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 frames changed (%n had it already)</source>
        <translation>
            <numerusform>%1 von %2 Einzelbildern geändert (%n war es schon)</numerusform>
            <numerusform>%1 von %2 Einzelbildern geändert (%n waren es schon)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 frames changed</source>
        <translation>%1 von %2 Einzelbildern geändert</translation>
    </message>
    <message>
        <source>%1; not changed: %2</source>
        <translation>%1; nicht geändert: %2</translation>
    </message>
</context>
<context>
    <name>ReviewHistory</name>
    <message>
        <source>Frame %1 has changed in the pipeline since &quot;%2&quot;: that step can no longer be undone or redone, and is left out.</source>
        <translation>Einzelbild %1 wurde seit „%2“ in der Pipeline geändert: Dieser Schritt kann nicht mehr rückgängig gemacht oder wiederholt werden und wird ausgelassen.</translation>
    </message>
    <message>
        <source>There is no frame %1.</source>
        <translation>Es gibt kein Einzelbild %1.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation>Es gibt nichts zu wiederholen.</translation>
    </message>
</context>
<context>
    <name>ReviewProgress</name>
    <message>
        <source>Review progress</source>
        <translation>Fortschritt der Durchsicht</translation>
    </message>
    <message>
        <source>No run open</source>
        <translation>Kein Lauf geöffnet</translation>
    </message>
    <message>
        <source>%L1 / %L2 approved · %L3 warn · %L4 fail</source>
        <translation>%L1 / %L2 freigegeben · %L3 mit Warnung · %L4 nicht bestanden</translation>
    </message>
</context>
<context>
    <name>RunCatalog</name>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>%1 of %2 approved</source>
        <translation>%1 von %2 freigegeben</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>open in this Director</source>
        <translation>in diesem Director geöffnet</translation>
    </message>
    <message>
        <source>%1, process %2</source>
        <translation>%1, Prozess %2</translation>
    </message>
    <message>
        <source>Open in another Director (%1, process %2 on %3): it opens read-only here.</source>
        <translation>In einem anderen Director geöffnet (%1, Prozess %2 auf %3): Hier wird er schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Einzelbilder</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Open elsewhere</source>
        <translation>Anderswo geöffnet</translation>
    </message>
    <message>
        <source>%1 (folder %2)</source>
        <translation>%1 (Ordner %2)</translation>
    </message>
</context>
<context>
    <name>RunFolder</name>
    <message>
        <source>larger than %1 MB</source>
        <translation>größer als %1 MB</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>anchor_analysis.json: %1</source>
        <translation>anchor_analysis.json: %1</translation>
    </message>
    <message>
        <source>anchor_analysis.json: no image size or baseline</source>
        <translation>anchor_analysis.json: keine Bildgröße oder Grundlinie</translation>
    </message>
    <message>
        <source>%1: no composite score from 0 to 1</source>
        <translation>%1: kein Gesamtwert von 0 bis 1</translation>
    </message>
    <message>
        <source>state.json, frame %1</source>
        <translation>state.json, Einzelbild %1</translation>
    </message>
    <message>
        <source>%1 is not a run folder: it has no manifest.lock.json, state.json, candidates/, approved/, rejected/ or audit/.</source>
        <translation>%1 ist kein Laufordner: Er enthält weder manifest.lock.json, state.json, candidates/, approved/, rejected/ noch audit/.</translation>
    </message>
    <message numerus="yes">
        <source>the manifest declares %n frame(s) but files for %1 were found</source>
        <translation>
            <numerusform>das Manifest nennt %n Einzelbild, aber es wurden Dateien für %1 gefunden</numerusform>
            <numerusform>das Manifest nennt %n Einzelbilder, aber es wurden Dateien für %1 gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>no image yet for frames %1</source>
        <translation>noch kein Bild für die Einzelbilder %1</translation>
    </message>
    <message>
        <source>no audit result for frames %1</source>
        <translation>kein Prüfergebnis für die Einzelbilder %1</translation>
    </message>
    <message>
        <source>a link to nothing</source>
        <translation>ein Link ins Leere</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1: not written to its end yet</source>
        <translation>%1: noch nicht vollständig geschrieben</translation>
    </message>
    <message>
        <source>%1: not an image Director can read</source>
        <translation>%1: kein Bild, das Director lesen kann</translation>
    </message>
    <message>
        <source>%1: %2 is not a frame count (a whole number from 0 to %3); the frames found are opened</source>
        <translation>%1: %2 ist keine Anzahl von Einzelbildern (eine ganze Zahl von 0 bis %3); die gefundenen Einzelbilder werden geöffnet</translation>
    </message>
    <message>
        <source>%1: a text of %2 characters (the session keeps up to %3)</source>
        <translation>%1: ein Text mit %2 Zeichen (die Sitzung behält bis zu %3)</translation>
    </message>
    <message>
        <source>%1: entries past the first %2</source>
        <translation>%1: Einträge nach den ersten %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n text(s) longer than %2 characters</source>
        <translation>
            <numerusform>%1: %n Text länger als %2 Zeichen</numerusform>
            <numerusform>%1: %n Texte länger als %2 Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: details past the %2 KiB the session keeps of a frame&apos;s</source>
        <translation>%1: Details über die %2 KiB hinaus, die die Sitzung von einem Einzelbild behält</translation>
    </message>
    <message>
        <source>%1: details past the %2 MiB the session keeps of a run&apos;s</source>
        <translation>%1: Details über die %2 MiB hinaus, die die Sitzung von einem Lauf behält</translation>
    </message>
    <message>
        <source>%1: what is nested more than %2 levels deep</source>
        <translation>%1: was tiefer als %2 Ebenen verschachtelt ist</translation>
    </message>
    <message>
        <source>manifest.lock.json, run_id</source>
        <translation>manifest.lock.json, run_id</translation>
    </message>
    <message>
        <source>manifest.lock.json, move</source>
        <translation>manifest.lock.json, move</translation>
    </message>
    <message>
        <source>manifest.lock.json, frame_count</source>
        <translation>manifest.lock.json, frame_count</translation>
    </message>
    <message>
        <source>state.json, run_id</source>
        <translation>state.json, run_id</translation>
    </message>
    <message>
        <source>state.json, total_frames</source>
        <translation>state.json, total_frames</translation>
    </message>
    <message>
        <source>%1/%2: not a regular file</source>
        <translation>%1/%2: keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1/%2: frame numbers go up to %3</source>
        <translation>%1/%2: Einzelbildnummern reichen bis %3</translation>
    </message>
    <message>
        <source>%1/%2: attempt %3 is not an attempt number (from 1 to %4)</source>
        <translation>%1/%2: Versuch %3 ist keine Versuchsnummer (von 1 bis %4)</translation>
    </message>
    <message>
        <source>%1, reason_codes</source>
        <translation>%1, reason_codes</translation>
    </message>
    <message>
        <source>state.json, frameAttempts %1</source>
        <translation>state.json, frameAttempts %1</translation>
    </message>
    <message>
        <source>the audit of frame %1, attempts</source>
        <translation>die Prüfung von Einzelbild %1, attempts</translation>
    </message>
    <message numerus="yes">
        <source>frame %1: %n older attempt(s) (the session keeps the newest %2)</source>
        <translation>
            <numerusform>Einzelbild %1: %n älterer Versuch (die Sitzung behält die neuesten %2)</numerusform>
            <numerusform>Einzelbild %1: %n ältere Versuche (die Sitzung behält die neuesten %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>frame %1, attempt %2</source>
        <translation>Einzelbild %1, Versuch %2</translation>
    </message>
    <message>
        <source>%1: leads to %2, a name the session cannot hold as a path into the run</source>
        <translation>%1: führt zu %2, einem Namen, den die Sitzung nicht als Pfad in den Lauf speichern kann</translation>
    </message>
    <message>
        <source>%1: members whose names differ only by a byte order mark</source>
        <translation>%1: Einträge, deren Namen sich nur durch eine Byte-Reihenfolge-Markierung unterscheiden</translation>
    </message>
    <message numerus="yes">
        <source>frame %1: %n attempt(s)</source>
        <translation>
            <numerusform>Einzelbild %1: %n Versuch</numerusform>
            <numerusform>Einzelbild %1: %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not counted for %2, whose attempt it is not known to be about</source>
        <translation>%1: nicht für %2 gezählt, da nicht bekannt ist, dass sie diesen Versuch betrifft</translation>
    </message>
    <message>
        <source>%1: not found</source>
        <translation>%1: nicht gefunden</translation>
    </message>
    <message>
        <source>Reading the run was cancelled.</source>
        <translation>Das Lesen des Laufs wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>RunOpener</name>
    <message>
        <source>Cannot open the run</source>
        <translation>Der Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

The latest changes to this review are not saved: save them (File → Save Now) before opening another run.</source>
        <translation>%1

Die letzten Änderungen dieser Durchsicht sind nicht gespeichert: Speichern Sie sie (Datei → Jetzt speichern), bevor Sie einen anderen Lauf öffnen.</translation>
    </message>
    <message>
        <source>The run is open elsewhere</source>
        <translation>Der Lauf ist anderswo geöffnet</translation>
    </message>
    <message>
        <source>You can look at it read-only, or go on with the review open now.</source>
        <translation>Sie können ihn schreibgeschützt ansehen oder mit der jetzt geöffneten Durchsicht weitermachen.</translation>
    </message>
    <message>
        <source>You can look at it read-only, or quit.</source>
        <translation>Sie können ihn schreibgeschützt ansehen oder beenden.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open Run</source>
        <translation>Lauf öffnen</translation>
    </message>
    <message>
        <source>Take over the lock?</source>
        <translation>Sperre übernehmen?</translation>
    </message>
    <message>
        <source>Take over the run from the Director on %1 (process %2) only when Director is not running there any more: the computer crashed or was switched off with the run open. Changes it had not saved are lost. If it still runs, two Directors would write one session.

Is Director closed on %1?</source>
        <translation>Übernehmen Sie den Lauf vom Director auf %1 (Prozess %2) nur, wenn Director dort nicht mehr läuft: Der Computer ist abgestürzt oder wurde bei geöffnetem Lauf ausgeschaltet. Änderungen, die er nicht gespeichert hatte, gehen verloren. Läuft er noch, würden zwei Director eine Sitzung schreiben.

Ist Director auf %1 geschlossen?</translation>
    </message>
    <message>
        <source>The lock was not taken over</source>
        <translation>Die Sperre wurde nicht übernommen</translation>
    </message>
</context>
<context>
    <name>RunPaths</name>
    <message>
        <source>the path is empty</source>
        <translation>der Pfad ist leer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain path</source>
        <translation>„%1“ ist kein einfacher Pfad</translation>
    </message>
    <message>
        <source>&quot;%1&quot; leads outside the run folder</source>
        <translation>„%1“ führt aus dem Laufordner hinaus</translation>
    </message>
    <message>
        <source>&quot;%1&quot; leads into another run (&quot;%2&quot;), not into this one (&quot;%3&quot;)</source>
        <translation>„%1“ führt in einen anderen Lauf („%2“), nicht in diesen („%3“)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names a &quot;runs&quot; folder inside the run folder</source>
        <translation>„%1“ nennt einen Ordner „runs“ innerhalb des Laufordners</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 leads outside the run folder</source>
        <translation>%1 führt aus dem Laufordner hinaus</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1 cannot be opened: its name is not valid UTF-8 (shown with �), and Director (Qt) opens files and folders only by names in UTF-8. Rename it, for example with convmv, and open it again.</source>
        <translation>%1 kann nicht geöffnet werden: Der Name ist kein gültiges UTF-8 (angezeigt mit �), und Director (Qt) öffnet Dateien und Ordner nur unter Namen in UTF-8. Benennen Sie ihn um, zum Beispiel mit convmv, und öffnen Sie ihn erneut.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>none yet (it is created when the run is opened for review)</source>
        <translation>noch keine (sie wird angelegt, wenn der Lauf zur Prüfung geöffnet wird)</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
</context>
<context>
    <name>SaveStateIndicator</name>
    <message>
        <source>%1

Your latest changes are shown but not on disk. Director saves them again with your next change, or now with File → Save Now.</source>
        <translation>%1

Ihre letzten Änderungen werden angezeigt, sind aber nicht auf dem Datenträger. Director speichert sie mit Ihrer nächsten Änderung erneut, oder sofort mit Datei → Jetzt speichern.</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Speicherstand</translation>
    </message>
    <message>
        <source>Read-only: open in another Director</source>
        <translation>Schreibgeschützt: in einem anderen Director geöffnet</translation>
    </message>
    <message>
        <source>Another Director has this run open. This window shows the session as it was when opened and saves nothing.</source>
        <translation>Ein anderer Director hat diesen Lauf geöffnet. Dieses Fenster zeigt die Sitzung so, wie sie beim Öffnen war, und speichert nichts.</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Gespeichert um %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>The latest change is being written to disk.</source>
        <translation>Die letzte Änderung wird auf den Datenträger geschrieben.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>SessionChange</name>
    <message>
        <source>Run again with --recover=backup or --recover=new to choose.</source>
        <translation>Zum Auswählen erneut mit --recover=backup oder --recover=new aufrufen.</translation>
    </message>
    <message>
        <source>The pipeline&apos;s news could not be taken in: %1</source>
        <translation>Neues aus der Pipeline konnte nicht übernommen werden: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a frame index</source>
        <translation>„%1“ ist kein Index eines Einzelbilds</translation>
    </message>
    <message>
        <source>there is no frame %1 in this run</source>
        <translation>in diesem Lauf gibt es kein Einzelbild %1</translation>
    </message>
</context>
<context>
    <name>SessionCodec</name>
    <message>
        <source>it would be %1 MB, larger than the %2 MB a session file can be</source>
        <translation>sie wäre %1 MB groß, größer als die %2 MB, die eine Sitzungsdatei haben darf</translation>
    </message>
    <message>
        <source>its values would be nested %1 levels deep; a session file can nest %2</source>
        <translation>ihre Werte wären %1 Ebenen tief verschachtelt; eine Sitzungsdatei erlaubt %2 Ebenen</translation>
    </message>
    <message>
        <source>it would be read back as another frame (members of another program by the names of Director&apos;s own, or texts that JSON does not hold as they are)</source>
        <translation>sie würde als ein anderes Einzelbild wieder eingelesen (Einträge eines anderen Programms mit den Namen von Directors eigenen, oder Texte, die JSON nicht unverändert aufnimmt)</translation>
    </message>
</context>
<context>
    <name>SessionDecoder</name>
    <message>
        <source>%1 is written as %2</source>
        <translation>%1 wird als %2 geschrieben</translation>
    </message>
    <message>
        <source>%1 is not an ISO 8601 UTC timestamp such as 2026-01-18T12:00:00.000Z</source>
        <translation>%1 ist kein ISO-8601-UTC-Zeitstempel wie 2026-01-18T12:00:00.000Z</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>%1 is written relative to the run folder as %2</source>
        <translation>%1 wird relativ zum Laufordner als %2 geschrieben</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>Objekt erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>%1 is outside 0..1</source>
        <translation>%1 liegt außerhalb von 0..1</translation>
    </message>
    <message>
        <source>%1 does not name this frame (%2)</source>
        <translation>%1 nennt nicht dieses Einzelbild (%2)</translation>
    </message>
    <message>
        <source>%1 is outside -%2..%2</source>
        <translation>%1 liegt außerhalb von -%2..%2</translation>
    </message>
    <message>
        <source>is missing; read as false</source>
        <translation>fehlt; wird als false gelesen</translation>
    </message>
    <message>
        <source>is missing; read as empty</source>
        <translation>fehlt; wird als leer gelesen</translation>
    </message>
    <message>
        <source>is true but patchHistory has no entry</source>
        <translation>ist true, aber patchHistory hat keinen Eintrag</translation>
    </message>
    <message>
        <source>%1 does not match the frame index %2 (expected %3)</source>
        <translation>%1 passt nicht zum Index %2 des Einzelbilds (erwartet: %3)</translation>
    </message>
    <message>
        <source>%1 does not match its key &quot;%2&quot;</source>
        <translation>%1 passt nicht zu seinem Schlüssel „%2“</translation>
    </message>
    <message>
        <source>unknown status %1 (expected PENDING, GENERATED, AUDIT_FAIL, AUDIT_WARN or APPROVED)</source>
        <translation>unbekannter Status %1 (erwartet: PENDING, GENERATED, AUDIT_FAIL, AUDIT_WARN oder APPROVED)</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>Zeichenkette erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>is not written back: Director loads the image from imagePath</source>
        <translation>wird nicht zurückgeschrieben: Director lädt das Bild aus imagePath</translation>
    </message>
    <message>
        <source>the file was written by a newer Director (schema version %1; this build reads up to %2)</source>
        <translation>die Datei wurde von einem neueren Director geschrieben (Schemaversion %1; diese Version liest bis %2)</translation>
    </message>
    <message>
        <source>%1 is not a UUID</source>
        <translation>%1 ist keine UUID</translation>
    </message>
    <message>
        <source>%1 is not %2: the anchor is always frame 0</source>
        <translation>%1 ist nicht %2: Der Anker ist immer Einzelbild 0</translation>
    </message>
    <message>
        <source>unknown session status %1 (expected active, committed or discarded)</source>
        <translation>unbekannter Sitzungsstatus %1 (erwartet: active, committed oder discarded)</translation>
    </message>
    <message>
        <source>is missing: a committed session has one</source>
        <translation>fehlt: Eine abgeschlossene Sitzung hat es</translation>
    </message>
    <message>
        <source>is present, but the session is %1: only a committed session has one</source>
        <translation>ist vorhanden, aber die Sitzung ist %1: Nur eine abgeschlossene Sitzung hat es</translation>
    </message>
    <message>
        <source>the key must be a frame index written as a decimal number from 0 to %1</source>
        <translation>der Schlüssel muss ein Index eines Einzelbilds sein, als Dezimalzahl von 0 bis %1 geschrieben</translation>
    </message>
    <message>
        <source>the file is %1 MB, larger than the %2 MB a session file can be</source>
        <translation>die Datei ist %1 MB groß, größer als die %2 MB, die eine Sitzungsdatei haben darf</translation>
    </message>
    <message>
        <source>starts with a byte order mark; written without</source>
        <translation>beginnt mit einer Byte-Order-Markierung; wird ohne geschrieben</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>it cannot be read back</source>
        <translation>sie kann nicht wieder eingelesen werden</translation>
    </message>
    <message>
        <source>%1 is not a verdict (expected APPROVED or AUDIT_FAIL)</source>
        <translation>%1 ist keine Entscheidung (erwartet: APPROVED oder AUDIT_FAIL)</translation>
    </message>
    <message>
        <source>is empty: a verdict names who made it</source>
        <translation>ist leer: Eine Entscheidung nennt, wer sie getroffen hat</translation>
    </message>
    <message>
        <source>%1 is not a reason code such as SF01_IDENTITY_DRIFT</source>
        <translation>%1 ist kein Begründungscode wie SF01_IDENTITY_DRIFT</translation>
    </message>
    <message>
        <source>only a rejection (AUDIT_FAIL) carries a reason</source>
        <translation>nur eine Ablehnung (AUDIT_FAIL) hat einen Grund</translation>
    </message>
    <message>
        <source>is for %1 but the frame is %2; left out</source>
        <translation>gilt für %1, aber das Einzelbild ist %2; ausgelassen</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>The run folder %1 cannot be written to, so the session can only be read.</source>
        <translation>In den Laufordner %1 kann nicht geschrieben werden, daher kann die Sitzung nur gelesen werden.</translation>
    </message>
    <message>
        <source>Could not create the lock file %1.</source>
        <translation>Die Sperrdatei %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The session is open in another Director.</source>
        <translation>Die Sitzung ist in einem anderen Director geöffnet.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link (to %2), not a lock file.</source>
        <translation>%1 ist ein symbolischer Link (auf %2), keine Sperrdatei.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to nothing (%2), not a lock file.</source>
        <translation>%1 ist ein symbolischer Link ins Leere (%2), keine Sperrdatei.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a lock file.</source>
        <translation>%1 ist ein Ordner, keine Sperrdatei.</translation>
    </message>
    <message>
        <source>%1 is not a regular file, so it is not a lock file.</source>
        <translation>%1 ist keine reguläre Datei und daher keine Sperrdatei.</translation>
    </message>
    <message>
        <source>No Director made it: remove it, then open the run again.</source>
        <translation>Kein Director hat dies angelegt: Entfernen Sie es und öffnen Sie dann den Lauf erneut.</translation>
    </message>
    <message>
        <source>The session is open in another Director (%1, process %2 on %3).</source>
        <translation>Die Sitzung ist in einem anderen Director geöffnet (%1, Prozess %2 auf %3).</translation>
    </message>
    <message>
        <source>unknown program</source>
        <translation>unbekanntes Programm</translation>
    </message>
    <message>
        <source>an unknown host</source>
        <translation>einem unbekannten Rechner</translation>
    </message>
    <message>
        <source>Director cannot check a process on another computer, so this lock stays until that Director closes the run. If %1 crashed or was switched off with the run open, make sure Director is not running there, then take the lock over: director unlock %2 --holder %3</source>
        <translation>Director kann einen Prozess auf einem anderen Computer nicht prüfen, daher bleibt diese Sperre bestehen, bis jener Director den Lauf schließt. Ist %1 abgestürzt oder wurde bei geöffnetem Lauf ausgeschaltet, stellen Sie sicher, dass Director dort nicht läuft, und übernehmen Sie dann die Sperre: director unlock %2 --holder %3</translation>
    </message>
    <message>
        <source>%1 holds no lock to take over: open the run as usual.</source>
        <translation>%1 hat keine Sperre, die übernommen werden könnte: Öffnen Sie den Lauf wie gewohnt.</translation>
    </message>
    <message>
        <source>The lock names %1 now, not %2: nothing was removed. Make sure that Director is not running, then name it.</source>
        <translation>Die Sperre nennt jetzt %1, nicht %2: Es wurde nichts entfernt. Stellen Sie sicher, dass jener Director nicht läuft, und geben Sie ihn dann an.</translation>
    </message>
    <message>
        <source>Process %1 on this computer still runs: close that Director instead. Nothing was removed.</source>
        <translation>Prozess %1 auf diesem Computer läuft noch: Schließen Sie stattdessen jenen Director. Es wurde nichts entfernt.</translation>
    </message>
    <message>
        <source>Could not remove the lock file %1.</source>
        <translation>Die Sperrdatei %1 konnte nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>SessionManager</name>
    <message>
        <source>A session file can only be recovered by a Director that may write the run folder.</source>
        <translation>Eine Sitzungsdatei kann nur ein Director wiederherstellen, der in den Laufordner schreiben darf.</translation>
    </message>
    <message>
        <source>Nothing was changed. A good backup exists: it can be restored, or a new review started, keeping the old files aside.</source>
        <translation>Es wurde nichts geändert. Es gibt eine gute Sicherung: Sie kann wiederhergestellt oder eine neue Durchsicht begonnen werden; die alten Dateien werden beiseitegelegt.</translation>
    </message>
    <message>
        <source>Nothing was changed. A new review can be started, keeping the old files aside.</source>
        <translation>Es wurde nichts geändert. Eine neue Durchsicht kann begonnen werden; die alten Dateien werden beiseitegelegt.</translation>
    </message>
    <message>
        <source>A session needs a run id.</source>
        <translation>Eine Sitzung braucht eine Lauf-ID.</translation>
    </message>
    <message>
        <source>Frame %1 is given twice.</source>
        <translation>Einzelbild %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>No session is open.</source>
        <translation>Es ist keine Sitzung geöffnet.</translation>
    </message>
    <message>
        <source>The session is open read-only.</source>
        <translation>Die Sitzung ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>The session is committed: it can no longer be changed.</source>
        <translation>Die Sitzung ist abgeschlossen: Sie kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>The session is discarded: it can no longer be changed.</source>
        <translation>Die Sitzung ist verworfen: Sie kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>There is no frame %1 in this session.</source>
        <translation>In dieser Sitzung gibt es kein Einzelbild %1.</translation>
    </message>
    <message>
        <source>An offset must be a number from -%1 to %1 pixels.</source>
        <translation>Ein Versatz muss eine Zahl von -%1 bis %1 Pixel sein.</translation>
    </message>
    <message>
        <source>Notes can be at most %1 characters long.</source>
        <translation>Notizen dürfen höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Frame %1: %2</source>
        <translation>Einzelbild %1: %2</translation>
    </message>
    <message>
        <source>The state given is not the state of frame %1.</source>
        <translation>Der angegebene Zustand ist nicht der Zustand von Einzelbild %1.</translation>
    </message>
    <message>
        <source>The patch cannot be recorded: %1</source>
        <translation>Die Nachbearbeitung kann nicht festgehalten werden: %1</translation>
    </message>
    <message>
        <source>The patch&apos;s time &quot;%1&quot; is not a UTC time like 2026-01-18T12:00:00.000Z.</source>
        <translation>Die Zeit „%1“ der Nachbearbeitung ist keine UTC-Zeit wie 2026-01-18T12:00:00.000Z.</translation>
    </message>
    <message>
        <source>The alignment&apos;s time &quot;%1&quot; is not a UTC time like 2026-01-18T12:00:00.000Z.</source>
        <translation>Die Zeit „%1“ der Ausrichtung ist keine UTC-Zeit wie 2026-01-18T12:00:00.000Z.</translation>
    </message>
    <message>
        <source>The alignment names %1, not %2.</source>
        <translation>Die Ausrichtung nennt %1, nicht %2.</translation>
    </message>
    <message>
        <source>A patched frame needs at least one patch entry.</source>
        <translation>Ein nachbearbeitetes Einzelbild braucht mindestens einen Eintrag zur Nachbearbeitung.</translation>
    </message>
    <message>
        <source>Nothing was committed: the latest changes are not saved. %1</source>
        <translation>Es wurde nichts abgeschlossen: Die letzten Änderungen sind nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>The frames were written to approved/, but the session could not be marked committed: %1</source>
        <translation>Die Einzelbilder wurden nach approved/ geschrieben, aber die Sitzung konnte nicht als abgeschlossen markiert werden: %1</translation>
    </message>
    <message>
        <source>Not discarded: the latest changes are not saved. %1</source>
        <translation>Nicht verworfen: Die letzten Änderungen sind nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>A commit is under way: the pipeline&apos;s news waits for it.</source>
        <translation>Ein Abschluss läuft: Neues aus der Pipeline wartet, bis er fertig ist.</translation>
    </message>
    <message>
        <source>Frame %1: an offset of %2,%3 would move every visible pixel of the frame off its %4×%5 canvas. Offsets from %6 to %7 across and from %8 to %9 down keep it in view.</source>
        <translation>Einzelbild %1: Ein Versatz von %2,%3 würde jedes sichtbare Pixel des Einzelbilds aus seiner %4×%5 großen Bildfläche schieben. Versätze von %6 bis %7 waagerecht und von %8 bis %9 senkrecht halten es sichtbar.</translation>
    </message>
    <message>
        <source>These overrides cannot be saved as given: %1</source>
        <translation>Diese Korrekturen können so nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>other programs&apos; members are nested deeper than a session file can hold</source>
        <translation>Einträge anderer Programme sind tiefer verschachtelt, als eine Sitzungsdatei aufnehmen kann</translation>
    </message>
    <message>
        <source>Attempt %1 is already the image of frame %2.</source>
        <translation>Versuch %1 ist bereits das Bild von Einzelbild %2.</translation>
    </message>
    <message>
        <source>Attempt %1 of frame %2 cannot be used: %3</source>
        <translation>Versuch %1 von Einzelbild %2 kann nicht übernommen werden: %3</translation>
    </message>
    <message>
        <source>Frame %1 has no image of attempt %2: it has no attempt with an image.</source>
        <translation>Einzelbild %1 hat kein Bild von Versuch %2: Es hat keinen Versuch mit einem Bild.</translation>
    </message>
    <message>
        <source>Frame %1 has no image of attempt %2: its attempts with an image are %3.</source>
        <translation>Einzelbild %1 hat kein Bild von Versuch %2: Seine Versuche mit einem Bild sind %3.</translation>
    </message>
    <message>
        <source>The verdict cannot be saved: %1</source>
        <translation>Die Entscheidung kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>it is for %1, but frame %2 is %3.</source>
        <translation>sie gilt für %1, aber Einzelbild %2 ist %3.</translation>
    </message>
    <message>
        <source>it names no reviewer.</source>
        <translation>sie nennt nicht, wer sie getroffen hat.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reason code such as SF01_IDENTITY_DRIFT.</source>
        <translation>„%1“ ist kein Begründungscode wie SF01_IDENTITY_DRIFT.</translation>
    </message>
    <message>
        <source>only a rejection (AUDIT_FAIL) carries a reason.</source>
        <translation>nur eine Ablehnung (AUDIT_FAIL) hat einen Grund.</translation>
    </message>
    <message>
        <source>The verdict&apos;s time &quot;%1&quot; is not a UTC time like 2026-01-18T12:00:00.000Z.</source>
        <translation>Die Zeit der Entscheidung „%1“ ist keine UTC-Zeit wie 2026-01-18T12:00:00.000Z.</translation>
    </message>
    <message>
        <source>Frame %1: only a rejection (AUDIT_FAIL) carries a reason.</source>
        <translation>Einzelbild %1: Nur eine Ablehnung (AUDIT_FAIL) hat einen Grund.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reason code such as SF01_IDENTITY_DRIFT (capitals, digits and underscores).</source>
        <translation>„%1“ ist kein Begründungscode wie SF01_IDENTITY_DRIFT (Großbuchstaben, Ziffern und Unterstriche).</translation>
    </message>
    <message>
        <source>A reason can be at most %1 characters long.</source>
        <translation>Ein Grund darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The frames have changed since.</source>
        <translation>Die Einzelbilder haben sich seitdem geändert.</translation>
    </message>
    <message>
        <source>Opening the run was cancelled.</source>
        <translation>Das Öffnen des Laufs wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>SessionProblemDialog</name>
    <message>
        <source>The session file cannot be read</source>
        <translation>Die Sitzungsdatei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Director could not read this run&apos;s session file. Nothing has been changed or overwritten.</source>
        <translation>Director konnte die Sitzungsdatei dieses Laufs nicht lesen. Es wurde nichts geändert oder überschrieben.</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Was nicht stimmt</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Resume from the last good version; the bad file is kept aside.</source>
        <translation>Mit der letzten guten Fassung fortfahren; die fehlerhafte Datei wird beiseitegelegt.</translation>
    </message>
    <message>
        <source>There is no readable backup.</source>
        <translation>Es gibt keine lesbare Sicherung.</translation>
    </message>
    <message>
        <source>Start a new review</source>
        <translation>Neue Durchsicht beginnen</translation>
    </message>
    <message>
        <source>Start again from the run folder; the bad file is kept aside.</source>
        <translation>Neu vom Laufordner aus beginnen; die fehlerhafte Datei wird beiseitegelegt.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>%1 is a symbolic link (to %2): Director reads and writes the session only as a file in the run folder.</source>
        <translation>%1 ist ein symbolischer Link (auf %2): Director liest und schreibt die Sitzung nur als Datei im Laufordner.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB, larger than the %3 MB a session file can be.</source>
        <translation>%1 ist %2 MB groß, größer als die %3 MB, die eine Sitzungsdatei haben darf.</translation>
    </message>
    <message>
        <source>%1 is not a readable session file: %2</source>
        <translation>%1 ist keine lesbare Sitzungsdatei: %2</translation>
    </message>
    <message>
        <source>%1 is not a valid session file:
%2</source>
        <translation>%1 ist keine gültige Sitzungsdatei:
%2</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Director: %2</source>
        <translation>%1 wurde von einer neueren Version von Director geschrieben: %2</translation>
    </message>
    <message>
        <source>%1 is missing, but its backup %2 is there: the session file was deleted or moved by another program.</source>
        <translation>%1 fehlt, aber seine Sicherung %2 ist vorhanden: Die Sitzungsdatei wurde von einem anderen Programm gelöscht oder verschoben.</translation>
    </message>
    <message>
        <source>The session is open read-only: changes cannot be saved.</source>
        <translation>Die Sitzung ist schreibgeschützt geöffnet: Änderungen können nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>%1 was changed by another program after Director read it. Director did not overwrite it; open the run again to continue from the file as it is now.</source>
        <translation>%1 wurde von einem anderen Programm geändert, nachdem Director die Datei gelesen hatte. Director hat sie nicht überschrieben; öffnen Sie den Lauf erneut, um mit der Datei in ihrem jetzigen Stand fortzufahren.</translation>
    </message>
    <message>
        <source>%1 could not be read: Director will not overwrite it.</source>
        <translation>%1 konnte nicht gelesen werden: Director wird die Datei nicht überschreiben.</translation>
    </message>
    <message>
        <source>%1 exists and has not been read: Director will not overwrite it.</source>
        <translation>%1 existiert und wurde nicht gelesen: Director wird die Datei nicht überschreiben.</translation>
    </message>
    <message>
        <source>Could not keep a backup of %1 before saving (%2); nothing was saved.</source>
        <translation>Vor dem Speichern konnte keine Sicherung von %1 angelegt werden (%2); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Could not move %1 aside: %2</source>
        <translation>%1 konnte nicht beiseitegelegt werden: %2</translation>
    </message>
    <message>
        <source>There is no backup of the session to restore.</source>
        <translation>Es gibt keine Sicherung der Sitzung, die wiederhergestellt werden könnte.</translation>
    </message>
    <message>
        <source>Could not read the backup: %1</source>
        <translation>Die Sicherung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The session was not saved: %1. The file on disk is as it was.</source>
        <translation>Die Sitzung wurde nicht gespeichert: %1. Die Datei auf dem Datenträger ist unverändert.</translation>
    </message>
</context>
<context>
    <name>SpriteSheet</name>
    <message>
        <source>A sheet of %1×%2 pixels is too large to be made; choose another number of columns.</source>
        <translation>Ein Sprite-Sheet mit %1×%2 Pixeln wäre zu groß; wählen Sie eine andere Anzahl von Spalten.</translation>
    </message>
    <message>
        <source>The sprite sheet could not be encoded as PNG.</source>
        <translation>Das Sprite-Sheet konnte nicht als PNG kodiert werden.</translation>
    </message>
</context>
<context>
    <name>StagePresenter</name>
    <message>
        <source>Open a run with Ctrl+O</source>
        <translation>Öffnen Sie einen Lauf mit Strg+O</translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <source>Stage</source>
        <translation>Arbeitsfläche</translation>
    </message>
    <message>
        <source>The current frame. Drag to nudge it by whole pixels; drag with the middle button to move the view.</source>
        <translation>Das aktuelle Einzelbild. Ziehen Sie es, um es um ganze Pixel zu verschieben; ziehen Sie mit der mittleren Maustaste, um die Ansicht zu bewegen.</translation>
    </message>
    <message>
        <source>Stage, horizontal</source>
        <translation>Arbeitsfläche, horizontal</translation>
    </message>
    <message>
        <source>Stage, vertical</source>
        <translation>Arbeitsfläche, vertikal</translation>
    </message>
    <message>
        <source>Offset %L1, %L2 px</source>
        <translation>Versatz %L1, %L2 px</translation>
    </message>
    <message>
        <source>  (drag %L1, %L2)</source>
        <translation>  (Ziehen %L1, %L2)</translation>
    </message>
    <message>
        <source>  ·  Fit (%L1×)</source>
        <translation>  ·  Eingepasst (%L1×)</translation>
    </message>
    <message>
        <source>  ·  %L1×</source>
        <translation>  ·  %L1×</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Director — Runs</source>
        <translation>Director — Läufe</translation>
    </message>
    <message>
        <source>No runs in this folder yet. Runs appear here as the pipeline writes them.</source>
        <translation>Noch keine Läufe in diesem Ordner. Läufe erscheinen hier, sobald die Pipeline sie schreibt.</translation>
    </message>
    <message>
        <source>No runs</source>
        <translation>Keine Läufe</translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation>Ordner wählen …</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>the folder of the run you opened last</source>
        <translation>der Ordner des zuletzt geöffneten Laufs</translation>
    </message>
    <message>
        <source>the current folder: no run opened before is still there</source>
        <translation>der aktuelle Ordner: Kein zuvor geöffneter Lauf ist noch vorhanden</translation>
    </message>
    <message>
        <source>Runs in %1</source>
        <translation>Läufe in %1</translation>
    </message>
    <message>
        <source>Runs in %1 (%2)</source>
        <translation>Läufe in %1 (%2)</translation>
    </message>
    <message>
        <source>Choose a Folder of Runs</source>
        <translation>Ordner von Läufen wählen</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>Summary of a run and its session. Writes nothing.</source>
        <translation>Übersicht über einen Lauf und seine Sitzung. Schreibt nichts.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Run:      %1 (%2)</source>
        <translation>Lauf:         %1 (%2)</translation>
    </message>
    <message>
        <source>Move:     %1</source>
        <translation>Bewegung:     %1</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Session:  none yet (it is created when the run is opened for review)</source>
        <translation>Sitzung:      noch keine (sie wird angelegt, wenn der Lauf zur Durchsicht geöffnet wird)</translation>
    </message>
    <message>
        <source>Session:  %1, %2, last saved %3</source>
        <translation>Sitzung:      %1, %2, zuletzt gespeichert %3</translation>
    </message>
    <message>
        <source>Frames:   %1: %2</source>
        <translation>Einzelbilder: %1: %2</translation>
    </message>
    <message>
        <source>Operator: %1 nudged, %2 with notes</source>
        <translation>Bearbeitet:   %1 verschoben, %2 mit Notizen</translation>
    </message>
    <message>
        <source>Commit:   %1 approved, %2 nudged, %3 patched at %4</source>
        <translation>Abschluss:    %1 freigegeben, %2 verschoben, %3 nachbearbeitet um %4</translation>
    </message>
    <message>
        <source>Note:     the session was last saved at %1 by its own account, more than a day ahead of this computer&apos;s clock; its next change records the time now.</source>
        <translation>Hinweis:      die Sitzung wurde laut eigener Angabe zuletzt um %1 gespeichert, mehr als einen Tag später, als die Uhr dieses Computers zeigt; ihre nächste Änderung vermerkt die aktuelle Zeit.</translation>
    </message>
    <message numerus="yes">
        <source>News:     the pipeline changed %n frame(s) and added %1 since the session was saved; shown above, taken in by the next change or when the run is opened</source>
        <translation>
            <numerusform>Neues:        die Pipeline hat seit dem Speichern der Sitzung %n Einzelbild geändert und %1 hinzugefügt; oben gezeigt, übernommen mit der nächsten Änderung oder beim Öffnen des Laufs</numerusform>
            <numerusform>Neues:        die Pipeline hat seit dem Speichern der Sitzung %n Einzelbilder geändert und %1 hinzugefügt; oben gezeigt, übernommen mit der nächsten Änderung oder beim Öffnen des Laufs</numerusform>
        </translation>
    </message>
    <message>
        <source>Missing:  %1</source>
        <translation>Fehlt:        %1</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen:  %1</translation>
    </message>
    <message>
        <source>frame %1 shows attempt %2 (its newest is %3)</source>
        <translation>Einzelbild %1 zeigt Versuch %2 (sein neuester ist %3)</translation>
    </message>
    <message>
        <source>Attempts: no frame shows an older attempt than its newest</source>
        <translation>Versuche:     kein Einzelbild zeigt einen älteren Versuch als seinen neuesten</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Versuche:     %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Rejected: frame %1 by %2 at %3, no reason given</source>
        <translation>Abgelehnt: Einzelbild %1 von %2 um %3, kein Grund angegeben</translation>
    </message>
    <message>
        <source>Rejected: frame %1 by %2 at %3: %4</source>
        <translation>Abgelehnt: Einzelbild %1 von %2 um %3: %4</translation>
    </message>
    <message>
        <source>Read the whole run, even when it is unchanged since the last status (which is then told again from the user&apos;s cache folder).</source>
        <translation>Den ganzen Lauf lesen, auch wenn er seit dem letzten Status unverändert ist (der dann aus dem Cache-Ordner des Benutzers wiederholt wird).</translation>
    </message>
</context>
<context>
    <name>StatusLabel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TransitionRules</name>
    <message>
        <source>the frame is already %1</source>
        <translation>das Einzelbild ist bereits %1</translation>
    </message>
    <message>
        <source>a frame cannot go from %1 to %2</source>
        <translation>ein Einzelbild kann nicht von %1 zu %2 wechseln</translation>
    </message>
</context>
<context>
    <name>UnlockCommand</name>
    <message>
        <source>Take over the lock of a run that a Director on a crashed or switched-off computer left behind. Only when the lock still names the holder given, and that holder is not a process running on this computer. Make sure Director is not running there first: two Directors must never write one session.</source>
        <translation>Die Sperre eines Laufs übernehmen, die ein Director auf einem abgestürzten oder ausgeschalteten Computer hinterlassen hat. Nur wenn die Sperre noch den angegebenen Inhaber nennt und dieser Inhaber kein auf diesem Computer laufender Prozess ist. Stellen Sie zuerst sicher, dass Director dort nicht läuft: Zwei Director dürfen niemals eine Sitzung schreiben.</translation>
    </message>
    <message>
        <source>The holder the lock names, as the refusal said it: PID@HOST.</source>
        <translation>Der Inhaber, den die Sperre nennt, so wie ihn die Fehlermeldung genannt hat: PID@HOST.</translation>
    </message>
    <message>
        <source>name the holder you take over: --holder %1 (the lock names it now)</source>
        <translation>geben Sie den Inhaber an, dessen Sperre Sie übernehmen: --holder %1 (die Sperre nennt ihn jetzt)</translation>
    </message>
    <message>
        <source>--holder PID@HOST is needed; the run holds no lock of a running Director now</source>
        <translation>--holder PID@HOST wird benötigt; der Lauf hat jetzt keine Sperre eines laufenden Directors</translation>
    </message>
    <message>
        <source>--holder takes PID@HOST, such as 4242@render-07</source>
        <translation>--holder erwartet PID@HOST, z. B. 4242@render-07</translation>
    </message>
    <message>
        <source>The lock of %1 (process %2 on %3) is removed: the run opens for writing again.</source>
        <translation>Die Sperre von %1 (Prozess %2 auf %3) ist entfernt: Der Lauf lässt sich wieder zum Schreiben öffnen.</translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message>
        <source>Check a session file. Every problem is printed on stderr with its JSON path; exit code 0 when the file is valid, 1 otherwise. Writes nothing.</source>
        <translation>Eine Sitzungsdatei prüfen. Jedes Problem wird mit seinem JSON-Pfad auf stderr ausgegeben; Exit-Code 0, wenn die Datei gültig ist, sonst 1. Schreibt nichts.</translation>
    </message>
    <message>
        <source>The session file.</source>
        <translation>Die Sitzungsdatei.</translation>
    </message>
    <message>
        <source>%1: note: %2</source>
        <translation>%1: Hinweis: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: valid session (%n frame(s))</source>
        <translation>
            <numerusform>%1: gültige Sitzung (%n Einzelbild)</numerusform>
            <numerusform>%1: gültige Sitzung (%n Einzelbilder)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerdictFlow</name>
    <message>
        <source>Every frame is approved.</source>
        <translation>Jedes Einzelbild ist freigegeben.</translation>
    </message>
    <message>
        <source>Every frame the filter shows is approved.</source>
        <translation>Jedes Einzelbild, das der Filter zeigt, ist freigegeben.</translation>
    </message>
    <message>
        <source>Approving %L1 frames…</source>
        <translation>%L1 Einzelbilder werden freigegeben …</translation>
    </message>
    <message>
        <source>Rejecting %L1 frames…</source>
        <translation>%L1 Einzelbilder werden abgelehnt …</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Run…</source>
        <translation>Lauf ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Save Now</source>
        <translation>Jetzt &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Commit…</source>
        <translation>&amp;Abschließen …</translation>
    </message>
    <message>
        <source>&amp;Discard Session…</source>
        <translation>Sitzung &amp;verwerfen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>F&amp;rame</source>
        <translation>&amp;Einzelbild</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation>&amp;Nächstes Einzelbild</translation>
    </message>
    <message>
        <source>&amp;Previous Frame</source>
        <translation>&amp;Vorheriges Einzelbild</translation>
    </message>
    <message>
        <source>&amp;First Frame</source>
        <translation>&amp;Erstes Einzelbild</translation>
    </message>
    <message>
        <source>&amp;Last Frame</source>
        <translation>&amp;Letztes Einzelbild</translation>
    </message>
    <message>
        <source>Next Frame Needing &amp;Attention</source>
        <translation>Nächstes zu &amp;prüfendes Einzelbild</translation>
    </message>
    <message>
        <source>Previous Frame Needing A&amp;ttention</source>
        <translation>Vorheriges zu p&amp;rüfendes Einzelbild</translation>
    </message>
    <message>
        <source>Nudge Left</source>
        <translation>Nach links verschieben</translation>
    </message>
    <message>
        <source>Nudge Right</source>
        <translation>Nach rechts verschieben</translation>
    </message>
    <message>
        <source>Nudge Up</source>
        <translation>Nach oben verschieben</translation>
    </message>
    <message>
        <source>Nudge Down</source>
        <translation>Nach unten verschieben</translation>
    </message>
    <message>
        <source>Nudge Left 8 px</source>
        <translation>Um 8 px nach links verschieben</translation>
    </message>
    <message>
        <source>Nudge Right 8 px</source>
        <translation>Um 8 px nach rechts verschieben</translation>
    </message>
    <message>
        <source>Nudge Up 8 px</source>
        <translation>Um 8 px nach oben verschieben</translation>
    </message>
    <message>
        <source>Nudge Down 8 px</source>
        <translation>Um 8 px nach unten verschieben</translation>
    </message>
    <message>
        <source>&amp;Clear Nudge</source>
        <translation>Verschiebung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Edit &amp;Notes</source>
        <translation>No&amp;tizen bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom %1×</source>
        <translation>Zoom %1×</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Onion Skin</source>
        <translation>&amp;Zwiebelschicht</translation>
    </message>
    <message>
        <source>&amp;Advance After Verdict</source>
        <translation>Nach Entscheidung &amp;weiter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Director</source>
        <translation>&amp;Über Director</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Export Preview…</source>
        <translation>Vorschau &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Show &amp;Onion Skin</source>
        <translation>&amp;Zwiebelschicht zeigen</translation>
    </message>
    <message>
        <source>&amp;Previous Frame (Red)</source>
        <translation>&amp;Vorheriges Einzelbild (rot)</translation>
    </message>
    <message>
        <source>&amp;Next Frame (Blue)</source>
        <translation>&amp;Nächstes Einzelbild (blau)</translation>
    </message>
    <message>
        <source>&amp;Anchor</source>
        <translation>&amp;Ankerbild</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Abspielen / Pause</translation>
    </message>
    <message>
        <source>P&amp;ing-Pong</source>
        <translation>&amp;Ping-Pong</translation>
    </message>
    <message>
        <source>&amp;Seam View (Loop Point)</source>
        <translation>&amp;Nahtansicht (Schleifenpunkt)</translation>
    </message>
    <message>
        <source>Set &amp;In Point</source>
        <translation>&amp;In-Punkt setzen</translation>
    </message>
    <message>
        <source>Set &amp;Out Point</source>
        <translation>&amp;Out-Punkt setzen</translation>
    </message>
    <message>
        <source>&amp;Clear In and Out Points</source>
        <translation>In- und Out-Punkte &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Over&amp;lays</source>
        <translation>Über&amp;lagerungen</translation>
    </message>
    <message>
        <source>Off-&amp;Palette Pixels</source>
        <translation>Pixel außerhalb der &amp;Palette</translation>
    </message>
    <message>
        <source>Frame &amp;Baseline</source>
        <translation>&amp;Grundlinie des Einzelbilds</translation>
    </message>
    <message>
        <source>Bounding Bo&amp;x and Pivot</source>
        <translation>Begrenzungsrahmen und &amp;Drehpunkt</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Wipe</source>
        <translation>&amp;Wischblende</translation>
    </message>
    <message>
        <source>&amp;Difference</source>
        <translation>&amp;Differenz</translation>
    </message>
    <message>
        <source>Reference: &amp;Anchor</source>
        <translation>Referenz: An&amp;kerbild</translation>
    </message>
    <message>
        <source>Reference: &amp;Previous Frame</source>
        <translation>Referenz: &amp;Vorheriges Einzelbild</translation>
    </message>
    <message>
        <source>Reference: A&amp;ttempt…</source>
        <translation>Referenz: V&amp;ersuch …</translation>
    </message>
    <message>
        <source>Reference: &amp;Original (Before Patches)</source>
        <translation>Referenz: &amp;Original (vor der Nachbearbeitung)</translation>
    </message>
    <message>
        <source>Pa&amp;tch</source>
        <translation>&amp;Nachbearbeitung</translation>
    </message>
    <message>
        <source>&amp;Legalize Palette…</source>
        <translation>An &amp;Palette angleichen …</translation>
    </message>
    <message>
        <source>&amp;Replace with File…</source>
        <translation>Durch &amp;Datei ersetzen …</translation>
    </message>
    <message>
        <source>Revert to &amp;Original</source>
        <translation>Auf &amp;Original zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Edit in Pixel Editor…</source>
        <translation>Im Pixel-Editor &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Paint &amp;Mask</source>
        <translation>&amp;Maske malen</translation>
    </message>
    <message>
        <source>Export Re&amp;port…</source>
        <translation>Be&amp;richt exportieren …</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Ablehnen …</translation>
    </message>
    <message>
        <source>Select the Next Frame Too</source>
        <translation>Auch das nächste Einzelbild auswählen</translation>
    </message>
    <message>
        <source>Select the Previous Frame Too</source>
        <translation>Auch das vorherige Einzelbild auswählen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>director: there is no display to open the review window on (DISPLAY is not set).
Use &quot;director status RUN_DIR&quot; for a summary, or see &quot;director --help&quot;.
</source>
        <translation>director: Es gibt keine Anzeige, auf der sich das Durchsichtsfenster öffnen ließe (DISPLAY ist nicht gesetzt).
Für eine Übersicht „director status RUN_DIR“ verwenden oder „director --help“ lesen.
</translation>
    </message>
    <message>
        <source>director: the name %1 is not valid UTF-8. Director (Qt) opens files and folders only by names in UTF-8: rename it (for example with convmv) and try again.
</source>
        <translation>director: Der Name %1 ist kein gültiges UTF-8. Director (Qt) öffnet Dateien und Ordner nur über Namen in UTF-8: Benennen Sie die Datei oder den Ordner um (zum Beispiel mit convmv) und versuchen Sie es erneut.
</translation>
    </message>
    <message>
        <source>director: the argument %1 is not valid UTF-8.
</source>
        <translation>director: Das Argument %1 ist kein gültiges UTF-8.
</translation>
    </message>
</context>
</TS>
