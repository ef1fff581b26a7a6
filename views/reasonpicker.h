#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

#include <functional>

struct DirectorSession;
class QLabel;
class QLineEdit;
class QListWidget;

// Why a frame (or the frames selected) is rejected, asked by keyboard the moment it is rejected
// (`X`, Frame → Reject): the run's reason codes, each with its title (ReasonCodes), the first
// nine numbered for a one-key pick, letters typed filtering them by code or title, and a line of
// free text. Enter rejects with the code chosen (and the text; with neither, with no reason);
// Escape changes nothing. Focus starts in the filter: a digit 1–9 there picks that row while the
// filter is empty (typed after letters, digits filter: "sf01"); ↑ and ↓ move in the list; Tab
// goes on to the free text. Words typed in the filter that match no code are the reason in the
// operator's words (unless the free text line has some): typing "hand drifts", Enter.
class ReasonPicker : public QDialog
{
    Q_OBJECT

public:
    struct Choice
    {
        QString code; // empty: none chosen
        QString text; // trimmed; empty: none
    };

    // The codes offered for rejecting `frameIndex`: the frame's own audit flags first, then
    // the catalogue's (ReasonCodes::known; of two codes with one title, the one the run names,
    // else the first), then every other code the run's audits and attempts name (`runCodes`,
    // sorted: ReasonCodeCounts::codes(), kept as the session changes); each once, only codes a
    // rejection may carry (ReasonCodes::isWellFormed).
    static QStringList reasonsFor(const DirectorSession &session, int frameIndex,
                                  const QStringList &runCodes);
    // The same, the run's codes found by walking every frame of the session
    // (ReasonCodeCounts::countAll): what the picker must offer.
    static QStringList reasonsFor(const DirectorSession &session, int frameIndex);

    // A picker for `frames` (the frames the rejection is for, at least one) offering `codes`
    // (reasonsFor()) over `parent`, opened window-modal; `chosen` is called once Enter confirms
    // it (not when it is cancelled). It deletes itself when closed.
    static ReasonPicker *ask(QWidget *parent, const QStringList &codes, const QList<int> &frames,
                             const std::function<void(const Choice &)> &chosen);
    static ReasonPicker *ask(QWidget *parent, const QStringList &codes, int frameIndex,
                             const std::function<void(const Choice &)> &chosen)
    {
        return ask(parent, codes, QList<int>{frameIndex}, chosen);
    }

    ReasonPicker(const QStringList &codes, const QList<int> &frames, QWidget *parent = nullptr);
    ReasonPicker(const QStringList &codes, int frameIndex, QWidget *parent = nullptr)
        : ReasonPicker(codes, QList<int>{frameIndex}, parent)
    {}

    Choice choice() const;
    QLineEdit *filter() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    QLineEdit *freeText() const { return m_text; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter(const QString &typed);
    // The code chosen, said under the list.
    void showChoice();
    // The visible rows, numbered 1 to 9 in their order.
    QList<int> visibleRows() const;
    void pick(int visibleNumber);
    void move(int delta);

    QLineEdit *m_filter;
    QListWidget *m_list;
    QLineEdit *m_text;
    QLabel *m_chosen;
};
