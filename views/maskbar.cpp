#include "maskbar.h"

#include "patch/maskstrokes.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

MaskBar::MaskBar(QWidget *parent)
    : QWidget(parent), m_brush(new QSpinBox(this)), m_eraser(new QToolButton(this)),
      m_clear(new QPushButton(tr("Clear"), this)),
      m_undoStroke(new QPushButton(tr("Undo Stroke"), this)), m_prompt(new QLineEdit(this)),
      m_patch(new QPushButton(tr("Patch"), this)), m_busy(new QProgressBar(this)),
      m_elapsed(new QLabel(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("maskBar"));
    m_brush->setObjectName(QStringLiteral("maskBrush"));
    m_brush->setRange(1, MaskStrokes::maxBrush);
    m_brush->setSuffix(tr(" px"));
    m_brush->setAccessibleName(tr("Brush size"));
    m_eraser->setObjectName(QStringLiteral("maskEraser"));
    m_eraser->setText(tr("Eraser"));
    m_eraser->setCheckable(true);
    m_eraser->setToolTip(tr("Erase with the left button (the right button always erases)"));
    m_clear->setObjectName(QStringLiteral("maskClear"));
    m_undoStroke->setObjectName(QStringLiteral("maskUndoStroke"));
    m_undoStroke->setToolTip(tr("Undo the last stroke (Backspace on the stage)"));
    m_prompt->setObjectName(QStringLiteral("maskPrompt"));
    m_prompt->setPlaceholderText(tr("Prompt for the inpainting provider"));
    m_prompt->setAccessibleName(tr("Prompt"));
    m_patch->setObjectName(QStringLiteral("maskPatch"));
    m_busy->setObjectName(QStringLiteral("maskBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_elapsed->setObjectName(QStringLiteral("maskElapsed"));
    m_cancel->setObjectName(QStringLiteral("maskCancel"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    auto *brushLabel = new QLabel(tr("&Brush:"), this);
    brushLabel->setBuddy(m_brush);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{brushLabel, m_brush, m_eraser, m_clear, m_undoStroke})
        layout->addWidget(widget);
    layout->addWidget(m_prompt, 1);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_patch, m_busy, m_elapsed, m_cancel})
        layout->addWidget(widget);

    connect(m_clear, &QPushButton::clicked, this, &MaskBar::clearRequested);
    connect(m_undoStroke, &QPushButton::clicked, this, &MaskBar::undoStrokeRequested);
    connect(m_patch, &QPushButton::clicked, this, &MaskBar::patchRequested);
    connect(m_cancel, &QPushButton::clicked, this, &MaskBar::cancelRequested);
    setRunning(false);
}

int MaskBar::brush() const
{
    return m_brush->value();
}

bool MaskBar::isErasing() const
{
    return m_eraser->isChecked();
}

QString MaskBar::prompt() const
{
    return m_prompt->text();
}

void MaskBar::setMaskState(bool hasPixels, bool canUndo)
{
    m_hasPixels = hasPixels;
    m_canUndo = canUndo;
    updateButtons();
}

void MaskBar::setRunning(bool running)
{
    m_running = running;
    m_busy->setVisible(running);
    m_elapsed->setVisible(running);
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running);
    if (running)
        setElapsed(0);
    updateButtons();
}

void MaskBar::setElapsed(qint64 milliseconds)
{
    m_elapsed->setText(tr("%1 s").arg(QLocale().toString(double(milliseconds) / 1000.0, 'f', 1)));
}

void MaskBar::updateButtons()
{
    m_patch->setEnabled(m_hasPixels && !m_running);
    m_clear->setEnabled(m_hasPixels && !m_running);
    m_undoStroke->setEnabled(m_canUndo && !m_running);
    m_prompt->setReadOnly(m_running);
}
