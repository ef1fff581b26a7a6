#pragma once

#include "core/outcome.h"
#include "patch/palettelegalize.h"
#include "review/frameimages.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>

#include <functional>

class AuditPresenter;
class ExternalEdit;
class InspectorPanel;
class LegalizeDialog;
class MainWindow;
class MaskPresenter;
class PlaybackPresenter;
class ReviewController;
class SessionManager;
class WindowActions;

// The patch tools of the window (README, Patches): the Patch menu's Legalize Palette… (a preview
// first: LegalizeDialog), Replace with File… and Revert to Original, each one undo step through
// the controller (ReviewController::patch, revertToOriginal); and the inspector's patch history
// (its thumbnails loaded here, through the run's confined loader); Edit in … (ExternalEdit). The
// actions are on for the current frame when it has an image, the session can be changed and the
// move is not playing; Revert to Original when the frame is patched too. Paint Mask
// (MaskPresenter) on the same terms.
class PatchPresenter : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        SessionManager *manager;
        ReviewController *controller;
        InspectorPanel *inspector;
        AuditPresenter *audit; // the run's palette
        PlaybackPresenter *playback;
        const WindowActions *actions;
    };

    // Made once the window's parts are: it follows the current frame.
    explicit PatchPresenter(MainWindow *window);

    // Asks for the PNG that replaces the frame (empty: none chosen). The file dialog unless set;
    // tests set their own.
    using FileChooser = std::function<QString(QWidget *parent)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    // Patch → Paint Mask: the mask tool and the inpainting provider.
    MaskPresenter *mask() const { return m_mask; }

    // The legalize dialog open now, if any.
    LegalizeDialog *legalizeDialog() const;

    void legalize();
    void replaceWithFile();
    // Patch → Edit in …: the frame in the pixel editor, each save a patch (ExternalEdit).
    void editExternally();
    // The external edit of frame `frameIndex` going on, if any.
    ExternalEdit *externalEdit(int frameIndex) const;
    void revert();
    // `path` (a PNG of the frame's size) becomes frame `frameIndex`'s patch.
    Outcome replaceWith(int frameIndex, const QString &path);
    // Enables the actions for the current frame.
    void updateActions();
    // Names the pixel editor the Preferences set now in Edit in … (when the Patch menu opens).
    void nameEditor();

private:
    void connectParts();
    int currentFrame() const;
    // The current frame's pixels now, before its offset (PatchMaker::currentImage).
    Result<QImage> currentImage(int frameIndex) const;
    Outcome applyLegalized(int frameIndex, const QImage &original, const QImage &legalized,
                           PaletteLegalize::Alpha alpha);
    QImage thumbnailImage(const QString &storedPath);
    // A failure in a box, a refusal in the status bar (as the window reports them).
    void report(const Outcome &outcome, const QString &title);
    void watchEdit(ExternalEdit *edit);
    // Stops watching every external edit (another run is opened); the editors go on.
    void forgetEdits();

    MainWindow *m_window;
    Parts m_parts;
    FrameImages m_images;                // the anchor, when the palette is the anchor's
    QHash<QString, QImage> m_thumbnails; // by stored path: patch files are never overwritten
    FileChooser m_chooseFile;
    QPointer<LegalizeDialog> m_dialog;
    MaskPresenter *m_mask;
    QHash<int, QPointer<ExternalEdit>> m_edits; // by frame: one at a time each
};
