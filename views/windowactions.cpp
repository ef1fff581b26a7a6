#include "windowactions.h"

#include "recentrunsmenu.h"
#include "stageview.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenuBar>
#include <QUndoStack>

namespace {

using K = QKeySequence;

// The platform's keys for a standard action, and the usual one too: some platforms (X11
// without a desktop's theme) have none for Quit or Preferences.
QList<K> standardKeys(K::StandardKey key, const K &usual)
{
    QList<K> keys = K::keyBindings(key);
    if (!keys.contains(usual))
        keys.append(usual);
    return keys;
}

} // namespace

WindowActions::WindowActions(QMainWindow *window) : QObject(window), m_window(window)
{
    addFileMenu();
    addEditMenu();
    addFrameMenu();
    addViewMenu();
    addPlayMenu();
    addCompareMenu();
    addPatchMenu();
    addHelpMenu();
}

QAction *WindowActions::add(QMenu *menu, const QString &name, const QString &text,
                            const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, m_window);
    // The name is for the accessibility tree and for scripts driving the window.
    action->setObjectName(name);
    action->setShortcuts(keys);
    menu->addAction(action);
    m_window->addAction(action);
    return action;
}

void WindowActions::addFileMenu()
{
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    open = add(file, QStringLiteral("open"), tr("&Open Run…"), {K::Open});
    recentRuns = new RecentRunsMenu(file);
    file->addMenu(recentRuns);
    saveNow = add(file, QStringLiteral("saveNow"), tr("&Save Now"), {K::Save});
    file->addSeparator();
    commit = add(file, QStringLiteral("commit"), tr("&Commit…"), {K(Qt::CTRL | Qt::Key_Return)});
    discard = add(file, QStringLiteral("discard"), tr("&Discard Session…"));
    file->addSeparator();
    exportPreview = add(file, QStringLiteral("exportPreview"), tr("&Export Preview…"),
                        {K(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    exportReport = add(file, QStringLiteral("exportReport"), tr("Export Re&port…"),
                       {K(Qt::CTRL | Qt::SHIFT | Qt::Key_R)});
    file->addSeparator();
    quit = add(file, QStringLiteral("quit"), tr("&Quit"),
               standardKeys(K::Quit, K(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);
}

void WindowActions::addEditMenu()
{
    QMenu *edit = m_window->menuBar()->addMenu(tr("&Edit"));
    undo = add(edit, QStringLiteral("undo"), tr("&Undo"), {K::Undo});
    redo = add(edit, QStringLiteral("redo"), tr("&Redo"),
               {K(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), K(Qt::CTRL | Qt::Key_Y)});
    edit->addSeparator();
    preferences = add(edit, QStringLiteral("preferences"), tr("&Preferences…"),
                      standardKeys(K::Preferences, K(Qt::CTRL | Qt::Key_Comma)));
    preferences->setMenuRole(QAction::PreferencesRole);
}

void WindowActions::addFrameMenu()
{
    QMenu *frame = m_window->menuBar()->addMenu(tr("F&rame"));
    approve = add(frame, QStringLiteral("approve"), tr("&Approve"), {K(Qt::Key_A)});
    reject = add(frame, QStringLiteral("reject"), tr("&Reject…"), {K(Qt::Key_X)});
    frame->addSeparator();
    next = add(frame, QStringLiteral("next"), tr("&Next Frame"),
               {K(Qt::Key_Right), K(Qt::Key_Period)});
    previous = add(frame, QStringLiteral("previous"), tr("&Previous Frame"),
                   {K(Qt::Key_Left), K(Qt::Key_Comma)});
    first = add(frame, QStringLiteral("first"), tr("&First Frame"), {K(Qt::Key_Home)});
    last = add(frame, QStringLiteral("last"), tr("&Last Frame"), {K(Qt::Key_End)});
    nextAttention = add(frame, QStringLiteral("nextAttention"), tr("Next Frame Needing &Attention"),
                        {K(Qt::Key_N)});
    previousAttention = add(frame, QStringLiteral("previousAttention"),
                            tr("Previous Frame Needing A&ttention"), {K(Qt::SHIFT | Qt::Key_N)});
    extendNext = add(frame, QStringLiteral("extendNext"), tr("Select the Next Frame Too"),
                     {K(Qt::SHIFT | Qt::Key_Right)});
    extendPrevious = add(frame, QStringLiteral("extendPrevious"),
                         tr("Select the Previous Frame Too"), {K(Qt::SHIFT | Qt::Key_Left)});
    frame->addSeparator();
    const auto nudge = [&](const char *name, const QString &text, Qt::Key key, bool far, int dx,
                           int dy) {
        const Qt::KeyboardModifiers modifiers =
            far ? Qt::ControlModifier | Qt::ShiftModifier : Qt::ControlModifier;
        return Nudge{add(frame, QLatin1String(name), text, {K(modifiers | key)}), dx, dy};
    };
    nudges = {nudge("nudgeLeft", tr("Nudge Left"), Qt::Key_Left, false, -1, 0),
              nudge("nudgeRight", tr("Nudge Right"), Qt::Key_Right, false, 1, 0),
              nudge("nudgeUp", tr("Nudge Up"), Qt::Key_Up, false, 0, -1),
              nudge("nudgeDown", tr("Nudge Down"), Qt::Key_Down, false, 0, 1),
              nudge("nudgeLeftFar", tr("Nudge Left 8 px"), Qt::Key_Left, true, -8, 0),
              nudge("nudgeRightFar", tr("Nudge Right 8 px"), Qt::Key_Right, true, 8, 0),
              nudge("nudgeUpFar", tr("Nudge Up 8 px"), Qt::Key_Up, true, 0, -8),
              nudge("nudgeDownFar", tr("Nudge Down 8 px"), Qt::Key_Down, true, 0, 8)};
    clearNudge = add(frame, QStringLiteral("clearNudge"), tr("&Clear Nudge"),
                     {K(Qt::CTRL | Qt::Key_Backspace)});
    editNotes =
        add(frame, QStringLiteral("editNotes"), tr("Edit &Notes"), {K(Qt::CTRL | Qt::Key_E)});
}

void WindowActions::addViewMenu()
{
    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    zoomFit =
        add(view, QStringLiteral("zoomFit"), tr("&Fit"), {K(Qt::Key_0), K(Qt::CTRL | Qt::Key_0)});
    zoomFit->setCheckable(true);
    const Qt::Key zoomKeys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4};
    for (size_t i = 0; i < zoom.size(); ++i) {
        const int level = StageView::zoomLevels[i];
        zoom[i] = add(view, QStringLiteral("zoom%1").arg(level), tr("Zoom %1×").arg(level),
                      {K(zoomKeys[i])});
        zoom[i]->setCheckable(true);
    }
    zoomIn = add(view, QStringLiteral("zoomIn"), tr("Zoom &In"),
                 {K::ZoomIn, K(Qt::Key_Plus), K(Qt::Key_Equal)});
    zoomOut = add(view, QStringLiteral("zoomOut"), tr("Zoom &Out"), {K::ZoomOut, K(Qt::Key_Minus)});
    view->addSeparator();
    addOnionSkinMenu(view);
    addOverlayMenu(view);
    autoAdvance = add(view, QStringLiteral("autoAdvance"), tr("&Advance After Verdict"));
    autoAdvance->setCheckable(true);
}

void WindowActions::addOnionSkinMenu(QMenu *view)
{
    QMenu *onion = view->addMenu(tr("&Onion Skin"));
    onion->setObjectName(QStringLiteral("onionSkinMenu"));
    onionSkin = add(onion, QStringLiteral("onionSkin"), tr("Show &Onion Skin"), {K(Qt::Key_O)});
    onion->addSeparator();
    onionPrevious = add(onion, QStringLiteral("onionPrevious"), tr("&Previous Frame (Red)"));
    onionNext = add(onion, QStringLiteral("onionNext"), tr("&Next Frame (Blue)"));
    onionAnchor = add(onion, QStringLiteral("onionAnchor"), tr("&Anchor"));
    for (QAction *action : {onionSkin, onionPrevious, onionNext, onionAnchor})
        action->setCheckable(true);
}

void WindowActions::addPlayMenu()
{
    QMenu *play = m_window->menuBar()->addMenu(tr("&Play"));
    playPause = add(play, QStringLiteral("playPause"), tr("&Play / Pause"), {K(Qt::Key_Space)});
    pingPong = add(play, QStringLiteral("pingPong"), tr("P&ing-Pong"));
    pingPong->setCheckable(true);
    seamView = add(play, QStringLiteral("seamView"), tr("&Seam View (Loop Point)"));
    seamView->setCheckable(true);
    play->addSeparator();
    setInPoint =
        add(play, QStringLiteral("setInPoint"), tr("Set &In Point"), {K(Qt::Key_BracketLeft)});
    setOutPoint =
        add(play, QStringLiteral("setOutPoint"), tr("Set &Out Point"), {K(Qt::Key_BracketRight)});
    clearRange = add(play, QStringLiteral("clearRange"), tr("&Clear In and Out Points"),
                     {K(Qt::Key_Backslash)});
}

void WindowActions::addOverlayMenu(QMenu *view)
{
    QMenu *overlays = view->addMenu(tr("Over&lays"));
    overlays->setObjectName(QStringLiteral("overlaysMenu"));
    paletteOverlay =
        add(overlays, QStringLiteral("paletteOverlay"), tr("Off-&Palette Pixels"), {K(Qt::Key_P)});
    baselineOverlay =
        add(overlays, QStringLiteral("baselineOverlay"), tr("Frame &Baseline"), {K(Qt::Key_B)});
    boundsOverlay = add(overlays, QStringLiteral("boundsOverlay"), tr("Bounding Bo&x and Pivot"),
                        {K(Qt::Key_J)});
    for (QAction *action : {paletteOverlay, baselineOverlay, boundsOverlay})
        action->setCheckable(true);
}

void WindowActions::addCompareMenu()
{
    QMenu *compare = m_window->menuBar()->addMenu(tr("&Compare"));
    auto *modes = new QActionGroup(this);
    const auto mode = [&](const char *name, const QString &text, const QList<K> &keys) {
        QAction *action = add(compare, QLatin1String(name), text, keys);
        action->setCheckable(true);
        modes->addAction(action);
        return action;
    };
    compareOff = mode("compareOff", tr("&Off"), {K(Qt::SHIFT | Qt::Key_C)});
    compareSideBySide = mode("compareSideBySide", tr("&Side by Side"), {K(Qt::Key_C)});
    compareWipe = mode("compareWipe", tr("&Wipe"), {K(Qt::Key_W)});
    compareDifference = mode("compareDifference", tr("&Difference"), {K(Qt::Key_D)});
    compareOff->setChecked(true);
    compare->addSeparator();
    auto *references = new QActionGroup(this);
    const auto reference = [&](const char *name, const QString &text) {
        QAction *action = add(compare, QLatin1String(name), text);
        action->setCheckable(true);
        references->addAction(action);
        return action;
    };
    referenceAnchor = reference("referenceAnchor", tr("Reference: &Anchor"));
    referencePrevious = reference("referencePrevious", tr("Reference: &Previous Frame"));
    referenceAttempt = reference("referenceAttempt", tr("Reference: A&ttempt…"));
    referenceOriginal = reference("referenceOriginal", tr("Reference: &Original (Before Patches)"));
    referenceAnchor->setChecked(true);
}

void WindowActions::addPatchMenu()
{
    QMenu *patch = m_window->menuBar()->addMenu(tr("Pa&tch"));
    legalizePalette = add(patch, QStringLiteral("legalizePalette"), tr("&Legalize Palette…"),
                          {K(Qt::CTRL | Qt::Key_L)});
    replaceWithFile = add(patch, QStringLiteral("replaceWithFile"), tr("&Replace with File…"));
    // Its text names the editor (PatchPresenter).
    editExternally = add(patch, QStringLiteral("editExternally"), tr("&Edit in Pixel Editor…"),
                         {K(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    patch->addSeparator();
    revertToOriginal = add(patch, QStringLiteral("revertToOriginal"), tr("Revert to &Original"));
    patch->addSeparator();
    paintMask = add(patch, QStringLiteral("paintMask"), tr("Paint &Mask"), {K(Qt::Key_M)});
    paintMask->setCheckable(true);
}

void WindowActions::addHelpMenu()
{
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    shortcuts =
        add(help, QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"), {K::HelpContents});
    help->addSeparator();
    about = add(help, QStringLiteral("about"), tr("&About Director"));
    about->setMenuRole(QAction::AboutRole);
    aboutQt = add(help, QStringLiteral("aboutQt"), tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void WindowActions::showUndoState(const QUndoStack &stack, bool editable)
{
    undo->setEnabled(stack.canUndo() && editable);
    redo->setEnabled(stack.canRedo() && editable);
    undo->setText(stack.canUndo() ? tr("&Undo %1").arg(stack.undoText()) : tr("&Undo"));
    redo->setText(stack.canRedo() ? tr("&Redo %1").arg(stack.redoText()) : tr("&Redo"));
}

void WindowActions::showZoom(int level)
{
    zoomFit->setChecked(level == StageView::fitZoom);
    for (size_t i = 0; i < zoom.size(); ++i)
        zoom[i]->setChecked(StageView::zoomLevels[i] == level);
}

QList<QAction *> WindowActions::changingSession() const
{
    QList<QAction *> actions = {approve, reject, clearNudge, commit, discard};
    for (const Nudge &nudge : nudges)
        actions.append(nudge.action);
    return actions;
}

QList<QAction *> WindowActions::patching() const
{
    return {legalizePalette, replaceWithFile, editExternally, revertToOriginal};
}

QList<QAction *> WindowActions::steppingFrames() const
{
    QList<QAction *> actions = changingSession();
    actions += {next,       previous,       first, last, nextAttention, previousAttention,
                extendNext, extendPrevious, undo,  redo};
    return actions;
}

QString WindowActions::shortcutsTable() const
{
    QString rows;
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
        for (QAction *action : menu->actions()) {
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts()) {
                if (!key.isEmpty())
                    keys.append(key.toString(QKeySequence::NativeText).toHtmlEscaped());
            }
            if (keys.isEmpty())
                continue;
            rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                        .arg(action->text().remove(QLatin1Char('&')).toHtmlEscaped(),
                             keys.join(QStringLiteral(", ")));
        }
    }
    return QStringLiteral("<table cellspacing=4>%1</table>").arg(rows);
}
