#include "preferencesdialog.h"

#include "core/languages.h"
#include "stageview.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QSpinBox *opacityBox(QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, 100);
    box->setSingleStep(5);
    box->setSuffix(PreferencesDialog::tr(" %"));
    return box;
}

void select(QComboBox *box, const QVariant &data)
{
    const int index = box->findData(data);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    setAccessibleName(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);

    auto *appearance = new QGroupBox(tr("Appearance"), this);
    auto *appearanceForm = new QFormLayout(appearance);
    m_theme = new QComboBox(appearance);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Follow system"), int(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark, for pixel work"), int(Preferences::Theme::Dark));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->setAccessibleDescription(
        tr("Dark uses neutral greys, so that no tint around a frame changes how its colours "
           "look. Follow system is dark when the system is."));
    m_theme->setToolTip(m_theme->accessibleDescription());
    appearanceForm->addRow(tr("&Theme:"), m_theme);
    m_language = new QComboBox(appearance);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System"), QString());
    // Each language by its own name, never translated.
    for (const DirectorLanguage &language : directorLanguages)
        m_language->addItem(language.name, QString(language.code));
    m_language->setAccessibleName(tr("Language"));
    m_language->setAccessibleDescription(tr("Takes effect when Director is started again."));
    appearanceForm->addRow(tr("&Language:"), m_language);
    auto *restart =
        new QLabel(tr("The language takes effect when Director is started again."), appearance);
    restart->setObjectName(QStringLiteral("languageRestartNote"));
    restart->setWordWrap(true);
    appearanceForm->addRow(QString(), restart);
    layout->addWidget(appearance);

    layout->addWidget(stageGroup());

    layout->addWidget(reviewGroup());
    layout->addWidget(patchGroup());

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setPreferences(Preferences()); });
    layout->addWidget(m_buttons);

    setPreferences(preferences);
}

// The review: auto-advance, and who the verdicts are by.
QGroupBox *PreferencesDialog::reviewGroup()
{
    auto *review = new QGroupBox(tr("Review"), this);
    auto *reviewForm = new QFormLayout(review);
    m_autoAdvance = new QCheckBox(tr("Advance to the next frame after Approve or &Reject"), review);
    m_autoAdvance->setObjectName(QStringLiteral("autoAdvance"));
    reviewForm->addRow(m_autoAdvance);
    m_reviewer = new QLineEdit(review);
    m_reviewer->setObjectName(QStringLiteral("reviewer"));
    m_reviewer->setPlaceholderText(Reviewer::loginName());
    m_reviewer->setAccessibleName(tr("Your name"));
    m_reviewer->setAccessibleDescription(
        tr("Recorded in the session file with every frame you approve or reject. Left empty: "
           "your login name, %1.")
            .arg(Reviewer::loginName()));
    m_reviewer->setToolTip(m_reviewer->accessibleDescription());
    reviewForm->addRow(tr("Your &name:"), m_reviewer);
    return review;
}

// The stage: zoom, onion skin and the opacities of its layers.
QGroupBox *PreferencesDialog::stageGroup()
{
    auto *stage = new QGroupBox(tr("Stage"), this);
    auto *stageForm = new QFormLayout(stage);
    m_zoom = new QComboBox(stage);
    m_zoom->setObjectName(QStringLiteral("zoom"));
    m_zoom->addItem(tr("Fit"), StageView::fitZoom);
    for (const int zoom : StageView::zoomLevels)
        m_zoom->addItem(tr("%1×").arg(zoom), zoom);
    m_zoom->setAccessibleName(tr("Zoom"));
    m_zoom->setAccessibleDescription(tr("The stage's zoom; View → Zoom changes it too."));
    stageForm->addRow(tr("&Zoom:"), m_zoom);
    m_onionSkin = new QCheckBox(tr("Show &onion skin"), stage);
    m_onionSkin->setObjectName(QStringLiteral("onionSkin"));
    m_onionSkin->setAccessibleDescription(
        tr("The previous frame (red), the next one (blue) and the anchor, faint, under the "
           "current frame."));
    stageForm->addRow(m_onionSkin);
    m_previousOpacity = opacityBox(stage);
    m_previousOpacity->setObjectName(QStringLiteral("previousOpacity"));
    m_previousOpacity->setAccessibleName(tr("Previous frame opacity"));
    stageForm->addRow(tr("&Previous frame:"), m_previousOpacity);
    m_nextOpacity = opacityBox(stage);
    m_nextOpacity->setObjectName(QStringLiteral("nextOpacity"));
    m_nextOpacity->setAccessibleName(tr("Next frame opacity"));
    stageForm->addRow(tr("&Next frame:"), m_nextOpacity);
    m_anchorOpacity = opacityBox(stage);
    m_anchorOpacity->setObjectName(QStringLiteral("anchorOpacity"));
    m_anchorOpacity->setAccessibleName(tr("Anchor frame opacity"));
    stageForm->addRow(tr("&Anchor frame:"), m_anchorOpacity);
    connect(m_onionSkin, &QCheckBox::toggled, m_previousOpacity, &QWidget::setEnabled);
    connect(m_onionSkin, &QCheckBox::toggled, m_nextOpacity, &QWidget::setEnabled);
    connect(m_onionSkin, &QCheckBox::toggled, m_anchorOpacity, &QWidget::setEnabled);
    return stage;
}

// Patch → Edit in …: the pixel editor's command line; Paint Mask → Patch: the provider's.
QGroupBox *PreferencesDialog::patchGroup()
{
    auto *patch = new QGroupBox(tr("Patches"), this);
    auto *form = new QFormLayout(patch);
    m_pixelEditor = new QLineEdit(patch);
    m_pixelEditor->setObjectName(QStringLiteral("pixelEditor"));
    m_pixelEditor->setPlaceholderText(tr("Automatic"));
    m_pixelEditor->setAccessibleName(tr("Pixel editor"));
    m_pixelEditor->setAccessibleDescription(
        tr("The command line Patch → Edit in … starts, the frame's file added at its end. "
           "Empty: the first of Aseprite, LibreSprite and GIMP found, else the default "
           "application for PNG images."));
    m_pixelEditor->setToolTip(m_pixelEditor->accessibleDescription());
    form->addRow(tr("Pixel &editor:"), m_pixelEditor);
    m_inpaintProvider = new QLineEdit(patch);
    m_inpaintProvider->setObjectName(QStringLiteral("inpaintProvider"));
    m_inpaintProvider->setPlaceholderText(tr("Bundled (fills from the anchor frame)"));
    m_inpaintProvider->setAccessibleName(tr("Inpainting provider"));
    m_inpaintProvider->setAccessibleDescription(
        tr("The command line Paint Mask → Patch runs: it reads a JSON request on standard "
           "input and answers with the patched image's path (docs/provider.md). Empty: the "
           "bundled director-inpaint-anchor, which fills the mask from the anchor frame."));
    m_inpaintProvider->setToolTip(m_inpaintProvider->accessibleDescription());
    form->addRow(tr("&Inpainting provider:"), m_inpaintProvider);
    return patch;
}

void PreferencesDialog::setPreferences(const Preferences &preferences)
{
    m_shown = preferences;
    select(m_theme, int(preferences.theme));
    select(m_language, preferences.language);
    select(m_zoom, preferences.zoom);
    m_onionSkin->setChecked(preferences.onionSkin);
    m_previousOpacity->setValue(preferences.onionPreviousOpacity);
    m_nextOpacity->setValue(preferences.onionNextOpacity);
    m_anchorOpacity->setValue(preferences.onionAnchorOpacity);
    m_previousOpacity->setEnabled(preferences.onionSkin);
    m_nextOpacity->setEnabled(preferences.onionSkin);
    m_anchorOpacity->setEnabled(preferences.onionSkin);
    m_autoAdvance->setChecked(preferences.autoAdvance);
    m_reviewer->setText(preferences.reviewer);
    m_pixelEditor->setText(preferences.pixelEditor);
    m_inpaintProvider->setText(preferences.inpaintProvider);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p = m_shown; // what the dialog does not show (the onion skin's layers) stays
    p.theme = Preferences::Theme(m_theme->currentData().toInt());
    p.language = m_language->currentData().toString();
    p.zoom = m_zoom->currentData().toInt();
    p.onionSkin = m_onionSkin->isChecked();
    p.onionPreviousOpacity = m_previousOpacity->value();
    p.onionNextOpacity = m_nextOpacity->value();
    p.onionAnchorOpacity = m_anchorOpacity->value();
    p.autoAdvance = m_autoAdvance->isChecked();
    p.reviewer = Reviewer::orLoginName(m_reviewer->text());
    p.pixelEditor = m_pixelEditor->text().trimmed();
    p.inpaintProvider = m_inpaintProvider->text().trimmed();
    return p;
}

void PreferencesDialog::showFor(QWidget *window,
                                const std::function<void(const Preferences &)> &accepted)
{
    // One dialog: Ctrl+, again brings it forward.
    if (auto *open = window->findChild<PreferencesDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new PreferencesDialog(Preferences::load(), window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, dialog, [dialog, accepted] {
        const Preferences preferences = dialog->preferences();
        preferences.save();
        accepted(preferences);
        Theme::apply(preferences.theme);
    });
    dialog->open();
}
