#include "helpboxes.h"

#include "messagebox.h"
#include "windowactions.h"

#include <QAction>
#include <QMessageBox>
#include <QWidget>

void HelpBoxes::showShortcuts(QWidget *window, const WindowActions &actions)
{
    MessageBox::open(window, {QMessageBox::NoIcon,
                              tr("Keyboard Shortcuts"),
                              actions.shortcutsTable(),
                              {MessageBox::Close}});
}

void HelpBoxes::showAbout(QWidget *window)
{
    MessageBox::Message about{
        QMessageBox::NoIcon,
        tr("About Director"),
        tr("<h3>Director %1</h3>"
           "<p>Review the frames of an AI-generated sprite animation: approve, reject, nudge and "
           "annotate them, then commit the approved frames.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QStringLiteral(DIRECTOR_VERSION), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())),
        {MessageBox::Close}};
    about.format = Qt::RichText;
    if (!window->windowIcon().isNull())
        about.iconPixmap = window->windowIcon().pixmap(64);
    MessageBox::open(window, about);
}

void HelpBoxes::connectTo(QWidget *window, const WindowActions &actions)
{
    QObject::connect(actions.shortcuts, &QAction::triggered, window,
                     [window, &actions] { showShortcuts(window, actions); });
    QObject::connect(actions.about, &QAction::triggered, window, [window] { showAbout(window); });
    QObject::connect(actions.aboutQt, &QAction::triggered, window, [window] {
        QMessageBox::aboutQt(window, QCoreApplication::translate("MainWindow", "About Qt"));
    });
}
