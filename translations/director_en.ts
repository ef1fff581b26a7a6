<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditPresenter</name>
    <message numerus="yes">
        <source>%n colours from palette.json</source>
        <translation>
            <numerusform>%n colour from palette.json</numerusform>
            <numerusform>%n colours from palette.json</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colours from the anchor, frame %1</source>
        <translation>
            <numerusform>%n colour from the anchor, frame %1</numerusform>
            <numerusform>%n colours from the anchor, frame %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BaselineOverlay</name>
    <message numerus="yes">
        <source>%n px above anchor</source>
        <translation>
            <numerusform>%n px above anchor</numerusform>
            <numerusform>%n px above anchor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n px below anchor</source>
        <translation>
            <numerusform>%n px below anchor</numerusform>
            <numerusform>%n px below anchor</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommitCommand</name>
    <message numerus="yes">
        <source>Committed %n frame(s) to %1 (%2 nudged, %3 patched).</source>
        <translation>
            <numerusform>Committed %n frame to %1 (%2 nudged, %3 patched).</numerusform>
            <numerusform>Committed %n frames to %1 (%2 nudged, %3 patched).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommitExporter</name>
    <message numerus="yes">
        <source>Only %1 of %n frame(s) could be written.</source>
        <translation>
            <numerusform>Only %1 of %n frame could be written.</numerusform>
            <numerusform>Only %1 of %n frames could be written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Commit needs every frame approved; %n frame(s) are not: %1</source>
        <translation>
            <numerusform>Commit needs every frame approved; %n frame is not: %1</numerusform>
            <numerusform>Commit needs every frame approved; %n frames are not: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Commit writes every frame&apos;s image; %n approved frame(s) have none: %1</source>
        <translation>
            <numerusform>Commit writes every frame&apos;s image; %n approved frame has none: %1</numerusform>
            <numerusform>Commit writes every frame&apos;s image; %n approved frames have none: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommitFlow</name>
    <message numerus="yes">
        <source>Write the %n approved frame(s), nudges applied, to approved/ and close the session for changes?</source>
        <translation>
            <numerusform>Write the %n approved frame, nudges applied, to approved/ and close the session for changes?</numerusform>
            <numerusform>Write the %n approved frames, nudges applied, to approved/ and close the session for changes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) were written to approved/: %1 nudged, %2 patched.</source>
        <translation>
            <numerusform>%n frame was written to approved/: %1 nudged, %2 patched.</numerusform>
            <numerusform>%n frames were written to approved/: %1 nudged, %2 patched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <source>%n pixel(s) differ from %1</source>
        <translation>
            <numerusform>%n pixel differs from %1</numerusform>
            <numerusform>%n pixels differ from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LegalizeDialog</name>
    <message numerus="yes">
        <source>%n pixels recoloured</source>
        <translation>
            <numerusform>%n pixel recoloured</numerusform>
            <numerusform>%n pixels recoloured</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alpha edges snapped</source>
        <translation>
            <numerusform>%n alpha edge snapped</numerusform>
            <numerusform>%n alpha edges snapped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaskPresenter</name>
    <message numerus="yes">
        <source>Frame %1 inpainted: %n pixel(s) changed.</source>
        <translation>
            <numerusform>Frame %1 inpainted: %n pixel changed.</numerusform>
            <numerusform>Frame %1 inpainted: %n pixels changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatchCommand</name>
    <message numerus="yes">
        <source>%n pixel(s) changed
</source>
        <translation>
            <numerusform>%n pixel changed
</numerusform>
            <numerusform>%n pixels changed
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pixel(s) repainted by the inpainting provider
</source>
        <translation>
            <numerusform>%n pixel repainted by the inpainting provider
</numerusform>
            <numerusform>%n pixels repainted by the inpainting provider
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pixel(s) recoloured, </source>
        <translation>
            <numerusform>%n pixel recoloured, </numerusform>
            <numerusform>%n pixels recoloured, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alpha edge(s) snapped
</source>
        <translation>
            <numerusform>%n alpha edge snapped
</numerusform>
            <numerusform>%n alpha edges snapped
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineNews</name>
    <message numerus="yes">
        <source>%n frame(s) updated</source>
        <translation>
            <numerusform>%n frame updated</numerusform>
            <numerusform>%n frames updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new frame(s)</source>
        <translation>
            <numerusform>%n new frame</numerusform>
            <numerusform>%n new frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the pipeline to finish writing the files of %n frame(s): %1</source>
        <translation>
            <numerusform>Waiting for the pipeline to finish writing the files of %n frame: %1</numerusform>
            <numerusform>Waiting for the pipeline to finish writing the files of %n frames: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message numerus="yes">
        <source>Frame %1 · %2 / %3 · %4 fps target · %5 measured · %n dropped</source>
        <translation>
            <numerusform>Frame %1 · %2 / %3 · %4 fps target · %5 measured · %n dropped</numerusform>
            <numerusform>Frame %1 · %2 / %3 · %4 fps target · %5 measured · %n dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewExport</name>
    <message numerus="yes">
        <source>Animation: %1 (%n frame(s) at %2 frames a second)</source>
        <translation>
            <numerusform>Animation: %1 (%n frame at %2 frames a second)</numerusform>
            <numerusform>Animation: %1 (%n frames at %2 frames a second)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReasonPicker</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n Frames</source>
        <translation>
            <numerusform>Reject %n Frame</numerusform>
            <numerusform>Reject %n Frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Why reject %n frames?</source>
        <translation>
            <numerusform>Why reject %n frame?</numerusform>
            <numerusform>Why reject %n frames?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Why are these %n frames rejected (%1)? One reason for all of them. %2</source>
        <translation>
            <numerusform>Why is this %n frame rejected (%1)? %2</numerusform>
            <numerusform>Why are these %n frames rejected (%1)? One reason for all of them. %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message numerus="yes">
        <source>%1: %2 (%n frame(s))</source>
        <translation>
            <numerusform>%1: %2 (%n frame)</numerusform>
            <numerusform>%1: %2 (%n frames)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportHtml</name>
    <message numerus="yes">
        <source>%n patch(es)</source>
        <translation>
            <numerusform>%n patch</numerusform>
            <numerusform>%n patches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message numerus="yes">
        <source>Approve %n frames</source>
        <translation>
            <numerusform>Approve %n frame</numerusform>
            <numerusform>Approve %n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n frames</source>
        <translation>
            <numerusform>Reject %n frame</numerusform>
            <numerusform>Reject %n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nudge %n frames by %1, %2</source>
        <translation>
            <numerusform>Nudge %n frame by %1, %2</numerusform>
            <numerusform>Nudge %n frames by %1, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 frames changed (%n had it already)</source>
        <translation>
            <numerusform>%1 of %2 frames changed (%n had it already)</numerusform>
            <numerusform>%1 of %2 frames changed (%n had it already)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunFolder</name>
    <message numerus="yes">
        <source>the manifest declares %n frame(s) but files for %1 were found</source>
        <translation>
            <numerusform>the manifest declares %n frame but files for %1 were found</numerusform>
            <numerusform>the manifest declares %n frames but files for %1 were found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n text(s) longer than %2 characters</source>
        <translation>
            <numerusform>%1: %n text longer than %2 characters</numerusform>
            <numerusform>%1: %n texts longer than %2 characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>frame %1: %n older attempt(s) (the session keeps the newest %2)</source>
        <translation>
            <numerusform>frame %1: %n older attempt (the session keeps the newest %2)</numerusform>
            <numerusform>frame %1: %n older attempts (the session keeps the newest %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>frame %1: %n attempt(s)</source>
        <translation>
            <numerusform>frame %1: %n attempt</numerusform>
            <numerusform>frame %1: %n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message numerus="yes">
        <source>News:     the pipeline changed %n frame(s) and added %1 since the session was saved; shown above, taken in by the next change or when the run is opened</source>
        <translation>
            <numerusform>News:     the pipeline changed %n frame and added %1 since the session was saved; shown above, taken in by the next change or when the run is opened</numerusform>
            <numerusform>News:     the pipeline changed %n frames and added %1 since the session was saved; shown above, taken in by the next change or when the run is opened</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message numerus="yes">
        <source>%1: valid session (%n frame(s))</source>
        <translation>
            <numerusform>%1: valid session (%n frame)</numerusform>
            <numerusform>%1: valid session (%n frames)</numerusform>
        </translation>
    </message>
</context>
</TS>
