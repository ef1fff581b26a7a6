#pragma once

#include "session/directorsession.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

#include <functional>

class PatchHistoryView;
class QFormLayout;
class QLabel;
class QPushButton;
class QPlainTextEdit;
class QTreeWidget;

// The audit details of the current frame: composite score, each flag with
// its title and meaning, the operator's verdict (who approved or rejected it, when, why), the
// metrics the pipeline recorded, the attempt history, the patch history (PatchHistoryView), the
// prompt when the run has it, and the operator's notes, saved as the operator types (once typing
// pauses, not at every keystroke).
class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int notesDelayMs = 700;
    static constexpr int thumbnailSize = 48;

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

    // Each attempt's image as its row's thumbnail (null: none shown).
    using AttemptThumbnails = std::function<QImage(int frameIndex, int attemptIndex)>;
    void setAttemptThumbnails(AttemptThumbnails thumbnails);
    QTreeWidget *attempts() const { return m_attempts; }
    QPushButton *useAttemptButton() const { return m_useAttempt; }
    PatchHistoryView *patchHistory() const { return m_patchHistory; }
    // The operator's verdict as the inspector says it; empty without one.
    static QString verdictText(const DirectorFrameState &frame);
    QLabel *verdictLabel() const { return m_verdict; }
    QLabel *scoreLabel() const { return m_score; }

signals:
    void notesEdited(int frameIndex, const QString &notes);
    // Esc in the notes: they are saved; the keys go back to culling.
    void leaveNotesRequested();
    // The operator chose an attempt in the list (to compare with the frame's image).
    void attemptChosen(int frameIndex, int attemptIndex);
    // "Use this attempt": the chosen attempt is to become the frame's image.
    void useAttemptRequested(int frameIndex, int attemptIndex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // "0.873  (passed), auto-aligned", or that no audit judged the frame.
    static QString scoreText(const DirectorFrameState &frame);
    void emitNotes();
    QFormLayout *buildFields();
    void buildAttemptActions();
    void addAttempt(const AttemptInfo &attempt);
    // The attempt chosen in the list; 0 when none.
    int chosenAttempt() const;
    // A value label: its text, and its accessible name "field: text".
    static void showField(QLabel *label, const QString &field, const QString &text);
    // The operator's verdict on the frame: "Rejected by alice, 2026-12-06 14:03 — SF01
    // Identity drift: hand drifts" (the time in local time); "none" without one.
    void showVerdict(const DirectorFrameState &frame);

    QLabel *m_title;
    QLabel *m_score;
    QLabel *m_flags;
    QLabel *m_verdict;
    QTreeWidget *m_metrics;
    QTreeWidget *m_attempts;
    QPushButton *m_useAttempt;
    PatchHistoryView *m_patchHistory;
    AttemptThumbnails m_thumbnails;
    bool m_editable = true;
    QLabel *m_prompt;
    QLabel *m_offPalette;
    QLabel *m_palette;
    QPlainTextEdit *m_notes;
    QTimer m_notesTimer;
    int m_frameIndex = -1;
    bool m_loading = false;
};
