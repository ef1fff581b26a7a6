#pragma once

#include "session/directorsession.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

// The audit details of the current frame: composite score, each flag with
// its title and meaning, the metrics the pipeline recorded, the attempt
// history, the prompt when the run has it, and the operator's notes, saved
// as the operator types (once typing pauses, not at every keystroke).
class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int notesDelayMs = 700;

    explicit InspectorPanel(QWidget *parent = nullptr);

    void showFrame(const DirectorFrameState &frame);
    // The audit overlays' palette check of the frame as commit writes it: how many of its
    // pixels are off the palette, and where the palette comes from; empty texts clear it.
    void showPaletteCheck(const QString &offPalette, const QString &palette);
    void clear();
    void setEditable(bool editable);
    // Saves notes still waiting for the typing pause (notesEdited).
    void flushNotes();
    // Typed notes not known to be saved: waiting for the typing pause, or
    // left by a save that failed. They stay when the frame is refreshed.
    bool hasUnsavedNotes() const;
    // The notes as typed, for the caller to save now: stops waiting for the
    // typing pause.
    QString takeNotes();
    // The frame shown; -1 when none.
    int frameIndex() const { return m_frameIndex; }
    QPlainTextEdit *notesEditor() const { return m_notes; }

signals:
    void notesEdited(int frameIndex, const QString &notes);
    // Esc in the notes: they are saved; the keys go back to culling.
    void leaveNotesRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void emitNotes();
    // A value label: its text, and its accessible name "field: text".
    static void showField(QLabel *label, const QString &field, const QString &text);

    QLabel *m_title;
    QLabel *m_score;
    QLabel *m_flags;
    QTreeWidget *m_metrics;
    QTreeWidget *m_attempts;
    QLabel *m_prompt;
    QLabel *m_offPalette;
    QLabel *m_palette;
    QPlainTextEdit *m_notes;
    QTimer m_notesTimer;
    int m_frameIndex = -1;
    bool m_loading = false;
};
