#include "legalizedialog.h"

#include "messagebox.h"
#include "pixelpreview.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

LegalizeDialog::LegalizeDialog(int frameIndex, const QImage &frame,
                               const PaletteCheck::Palette &palette, const QString &paletteSource,
                               Apply apply, QWidget *parent)
    : QDialog(parent), m_frameIndex(frameIndex), m_frame(frame), m_palette(palette),
      m_apply(std::move(apply)), m_legalized(Outcome::invalid(QString())),
      m_before(new PixelPreview), m_after(new PixelPreview),
      m_snapAlpha(new QCheckBox(tr("&Snap partial alpha to opaque or transparent"))),
      m_highlight(new QCheckBox(tr("&Highlight the pixels that change"))), m_zoom(new QSpinBox),
      m_counts(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Legalize the Palette of Frame %1").arg(QLocale().toString(frameIndex)));
    setObjectName(QStringLiteral("legalizeDialog"));
    m_before->setObjectName(QStringLiteral("legalizeBefore"));
    m_before->setAccessibleName(tr("Frame %1 as it is").arg(frameIndex));
    m_after->setObjectName(QStringLiteral("legalizeAfter"));
    m_after->setAccessibleName(tr("Frame %1 legalized").arg(frameIndex));
    m_snapAlpha->setToolTip(tr("Alpha of %1 or more becomes opaque, less becomes transparent")
                                .arg(PaletteCheck::checkedAlpha));
    m_highlight->setChecked(true);
    m_zoom->setRange(1, 16);
    m_zoom->setValue(fitZoom(frame.size()));
    m_zoom->setSuffix(tr("×"));
    m_zoom->setAccessibleName(tr("Zoom"));
    m_counts->setObjectName(QStringLiteral("legalizeCounts"));
    m_counts->setWordWrap(true);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyButton()->setText(tr("&Apply"));
    auto *source = new QLabel(tr("Palette: %1").arg(paletteSource));
    source->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildPreviews(), 1);
    layout->addWidget(m_counts);
    layout->addWidget(source);
    layout->addWidget(m_snapAlpha);
    auto *options = new QHBoxLayout;
    options->addWidget(m_highlight);
    options->addStretch(1);
    auto *zoomLabel = new QLabel(tr("&Zoom:"));
    zoomLabel->setBuddy(m_zoom);
    options->addWidget(zoomLabel);
    options->addWidget(m_zoom);
    layout->addLayout(options);
    layout->addWidget(m_buttons);

    connect(m_snapAlpha, &QCheckBox::toggled, this, &LegalizeDialog::preview);
    connect(m_highlight, &QCheckBox::toggled, m_before, &PixelPreview::setHighlightShown);
    connect(m_zoom, &QSpinBox::valueChanged, this, [this](int zoom) {
        m_before->setZoom(zoom);
        m_after->setZoom(zoom);
    });
    connect(applyButton(), &QPushButton::clicked, this, &LegalizeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_before->setZoom(m_zoom->value());
    m_after->setZoom(m_zoom->value());
    preview();
}

QWidget *LegalizeDialog::buildPreviews()
{
    auto *previews = new QWidget;
    auto *grid = new QGridLayout(previews);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *beforeLabel = new QLabel(tr("As it is"));
    auto *afterLabel = new QLabel(tr("Legalized"));
    grid->addWidget(beforeLabel, 0, 0, Qt::AlignHCenter);
    grid->addWidget(afterLabel, 0, 1, Qt::AlignHCenter);
    grid->addWidget(m_before, 1, 0, Qt::AlignCenter);
    grid->addWidget(m_after, 1, 1, Qt::AlignCenter);
    return previews;
}

int LegalizeDialog::fitZoom(QSize size, int side)
{
    const int longest = std::max({size.width(), size.height(), 1});
    return std::clamp(side / longest, 1, 8);
}

PaletteLegalize::Alpha LegalizeDialog::alpha() const
{
    return m_snapAlpha->isChecked() ? PaletteLegalize::Alpha::Snap : PaletteLegalize::Alpha::Keep;
}

QPushButton *LegalizeDialog::applyButton() const
{
    return m_buttons->button(QDialogButtonBox::Apply);
}

void LegalizeDialog::preview()
{
    m_legalized = PaletteLegalize::legalize(m_frame, m_palette, alpha());
    if (!m_legalized) {
        m_before->setImage(m_frame);
        m_after->setImage(QImage());
        m_counts->setText(
            tr("The frame cannot be legalized: %1").arg(m_legalized.outcome().message()));
        applyButton()->setEnabled(false);
        return;
    }
    const PaletteLegalize::Legalized &legalized = *m_legalized;
    m_before->setImage(m_frame, legalized.changed);
    m_after->setImage(legalized.image);
    if (legalized.changed.isEmpty()) {
        m_counts->setText(
            alpha() == PaletteLegalize::Alpha::Keep
                ? tr("Every checked pixel is on the palette: there is nothing to legalize.")
                : tr("Every checked pixel is on the palette and no alpha is partial: there is "
                     "nothing to legalize."));
    } else {
        m_counts->setText(
            tr("%1, %2.").arg(tr("%n pixels recoloured", nullptr, int(legalized.recoloured)),
                              tr("%n alpha edges snapped", nullptr, int(legalized.alphaSnapped))));
    }
    m_counts->setAccessibleName(m_counts->text());
    applyButton()->setEnabled(!legalized.changed.isEmpty());
}

void LegalizeDialog::accept()
{
    if (!m_legalized || m_legalized->changed.isEmpty() || !m_apply)
        return;
    const Outcome made = m_apply(m_legalized->image, alpha());
    if (!made) {
        MessageBox::open(this, {QMessageBox::Warning, windowTitle(),
                                tr("The palette was not legalized: %1").arg(made.message())});
        return;
    }
    QDialog::accept();
}
