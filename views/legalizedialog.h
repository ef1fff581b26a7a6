#pragma once

#include "core/outcome.h"
#include "core/result.h"
#include "patch/palettelegalize.h"

#include <QDialog>

#include <functional>

class PixelPreview;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

// Patch → Legalize Palette…: a preview of the frame legalized to the run's palette
// (PaletteLegalize) before anything is applied. The frame as it is and as legalized side by side
// at a whole-pixel zoom (nearest neighbour), the pixels that change highlighted on the frame as
// it is, how many are recoloured and how many alpha edges are snapped, and the option to snap
// partial alpha, which shows the preview again. Apply hands the legalized image to the caller
// (the patch, one undo step) and closes only when it is made; a frame with nothing to change,
// or a palette with no colour, cannot be applied, and the dialog says why. Legalizing a 512 px
// frame takes milliseconds: it is done on the GUI thread, at each change of the option.
class LegalizeDialog : public QDialog
{
    Q_OBJECT

public:
    // Makes the patch of the legalized image; Ok when it is made.
    using Apply = std::function<Outcome(const QImage &legalized, PaletteLegalize::Alpha alpha)>;

    LegalizeDialog(int frameIndex, const QImage &frame, const PaletteCheck::Palette &palette,
                   const QString &paletteSource, Apply apply, QWidget *parent = nullptr);

    int frameIndex() const { return m_frameIndex; }
    PaletteLegalize::Alpha alpha() const;
    // The preview's legalize, as Apply would make it.
    const Result<PaletteLegalize::Legalized> &legalized() const { return m_legalized; }

    PixelPreview *before() const { return m_before; }
    PixelPreview *after() const { return m_after; }
    QCheckBox *snapAlphaBox() const { return m_snapAlpha; }
    QCheckBox *highlightBox() const { return m_highlight; }
    QSpinBox *zoomBox() const { return m_zoom; }
    QLabel *countsLabel() const { return m_counts; }
    QPushButton *applyButton() const;
    QDialogButtonBox *buttons() const { return m_buttons; }

    // Makes the patch; closes only when it is made (otherwise says why and stays open).
    void accept() override;

    // The largest zoom (1 to 8) at which a frame of `size` fits in `side` logical pixels.
    static int fitZoom(QSize size, int side = 256);

private:
    QWidget *buildPreviews();
    // Legalizes again, with the option as it is now, and shows it.
    void preview();

    int m_frameIndex;
    QImage m_frame;
    PaletteCheck::Palette m_palette;
    Apply m_apply;
    Result<PaletteLegalize::Legalized> m_legalized;
    PixelPreview *m_before;
    PixelPreview *m_after;
    QCheckBox *m_snapAlpha;
    QCheckBox *m_highlight;
    QSpinBox *m_zoom;
    QLabel *m_counts;
    QDialogButtonBox *m_buttons;
};
