#include "filterpresenter.h"

#include "filmstrip.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "playbackpresenter.h"
#include "preferences.h"
#include "review/framefiltermodel.h"
#include "review/sessionmanager.h"
#include "windowactions.h"

#include <QAction>
#include <QBoxLayout>
#include <QSettings>

FilterPresenter::FilterPresenter(MainWindow *window)
    : QObject(window), m_window(window), m_model(window->filmstrip()->filterModel()),
      m_bar(new FilterBar(window))
{
    setObjectName(QStringLiteral("filterPresenter"));
    Filmstrip *filmstrip = window->filmstrip();
    // Over the filmstrip, in its layout.
    if (auto *layout = qobject_cast<QBoxLayout *>(filmstrip->parentWidget()->layout()))
        layout->insertWidget(layout->indexOf(filmstrip), m_bar);
    connect(m_bar, &FilterBar::filterChanged, this, &FilterPresenter::setFilter);
    connect(m_model, &FrameFilterModel::countsChanged, this, &FilterPresenter::showCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FilterPresenter::showCounts);
    connect(window->manager(), &SessionManager::sessionOpened, this,
            &FilterPresenter::sessionOpened);
    const WindowActions &actions = window->actions();
    connect(actions.extendNext, &QAction::triggered, filmstrip,
            [filmstrip] { filmstrip->extendSelection(1); });
    connect(actions.extendPrevious, &QAction::triggered, filmstrip,
            [filmstrip] { filmstrip->extendSelection(-1); });
    if (window->manager()->hasSession())
        sessionOpened();
    showCounts();
}

void FilterPresenter::sessionOpened()
{
    const SessionManager *manager = m_window->manager();
    QSettings settings;
    // Where the filter was kept before (by the session), no longer read: gone.
    settings.remove(SettingsKeys::sessionFilter(manager->session().sessionId));
    const QStringList remembered =
        settings.value(SettingsKeys::runFilter(manager->runDir())).toStringList();
    setFilter(FrameFilter::fromStrings(remembered));
}

void FilterPresenter::setFilter(const FrameFilter &filter)
{
    m_model->setFilter(filter);
    m_bar->setFilter(filter);
    SessionManager *manager = m_window->manager();
    if (manager->hasSession()) {
        QSettings settings;
        const QString key = SettingsKeys::runFilter(manager->runDir());
        if (filter.isEmpty())
            settings.remove(key);
        else
            settings.setValue(key, filter.toStrings());
    }
    Filmstrip *filmstrip = m_window->filmstrip();
    m_window->playback()->setShown(filter.isEmpty() ? std::function<bool(int)>()
                                                    : filmstrip->shown());
    followCurrentFrame();
    showCounts();
}

void FilterPresenter::followCurrentFrame()
{
    Filmstrip *filmstrip = m_window->filmstrip();
    const int current = m_window->currentFrame();
    if (current < 0 || m_window->playback()->isPlaying())
        return;
    if (filmstrip->showsFrame(current)) {
        filmstrip->showFrame(current);
        filmstrip->scrollTo(filmstrip->currentIndex());
        return;
    }
    int frame = filmstrip->frameAfter(current, 1);
    if (frame < 0)
        frame = filmstrip->frameAfter(current, -1);
    if (frame >= 0)
        m_window->setCurrentFrame(frame);
}

void FilterPresenter::showCounts()
{
    m_bar->showCounts(m_model->counts(), m_model->rowCount());
}
