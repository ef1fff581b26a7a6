#pragma once

#include "preferences.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;

// Edit → Preferences: the theme, the language (at the next start), the
// stage (zoom, Fit or a level; onion skin and its opacities), auto-advance, your name (who the
// verdicts are by) and the pixel editor.
// The dialog only edits a copy: whoever opened it stores and applies preferences() once it is
// accepted (OK); Cancel changes nothing; Restore Defaults puts the defaults in the dialog, to be
// kept with OK.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    // Opens the dialog on `window` with the stored preferences, or brings forward the one open
    // already. Accepted, they are stored, the theme applied, and `accepted` called with them.
    static void showFor(QWidget *window, const std::function<void(const Preferences &)> &accepted);

    // The preferences as the dialog shows them now.
    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);

    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *zoomBox() const { return m_zoom; }
    QCheckBox *onionSkinBox() const { return m_onionSkin; }
    QSpinBox *previousOpacityBox() const { return m_previousOpacity; }
    QSpinBox *nextOpacityBox() const { return m_nextOpacity; }
    QSpinBox *anchorOpacityBox() const { return m_anchorOpacity; }
    QCheckBox *autoAdvanceBox() const { return m_autoAdvance; }
    QLineEdit *reviewerBox() const { return m_reviewer; }
    QLineEdit *pixelEditorBox() const { return m_pixelEditor; }
    QLineEdit *inpaintProviderBox() const { return m_inpaintProvider; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    QGroupBox *stageGroup();
    QGroupBox *reviewGroup();
    QGroupBox *patchGroup();

    QComboBox *m_theme;
    QComboBox *m_language;
    QComboBox *m_zoom;
    QCheckBox *m_onionSkin;
    QSpinBox *m_previousOpacity;
    QSpinBox *m_nextOpacity;
    QSpinBox *m_anchorOpacity;
    QCheckBox *m_autoAdvance;
    QLineEdit *m_reviewer;
    QLineEdit *m_pixelEditor;
    QLineEdit *m_inpaintProvider;
    QDialogButtonBox *m_buttons;
    Preferences m_shown; // as last set
};
