#pragma once

#include "commands/command.h"

struct DirectorFrameState;
struct FrameEdit;
struct Verdict;

// director frame RUN_DIR INDEX [--attempt N] [--status S] [--nudge DX,DY] [--clear-nudge]
// [--note TEXT] [--reason CODE] [--reason-text TEXT] [--reviewer NAME] [--recover backup|new]:
// one change to one frame, every option given in it,
// through the session's rules, lock and atomic save (SessionManager::applyFrameEdit, which
// takes the attempt first, as "Use This Attempt" does, then the rest).
class FrameCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(FrameCommand)

public:
    explicit FrameCommand(const Console &console = Console());

    QString description() const override;

protected:
    void addArguments(QCommandLineParser &parser) const override;
    std::optional<int> argumentCount() const override { return 2; }
    int run(const QCommandLineParser &parser) override;

private:
    // The change the options ask for into *edit; Invalid when an option's value is wrong,
    // two options contradict each other, or none asks for a change.
    static Outcome editFrom(const QCommandLineParser &parser, FrameEdit *edit);
    // --nudge DX,DY: whole pixels, as the window nudges, added to the frame's offset.
    static Outcome nudgeFrom(const QString &value, FrameEdit *edit);
    // --reviewer (else Reviewer::current()), --reason and --reason-text, which only a
    // rejection (--status AUDIT_FAIL) takes.
    static Outcome verdictFrom(const QCommandLineParser &parser, FrameEdit *edit);

public:
    // A rejection's reason as the commands print it: SF01_IDENTITY_DRIFT "hand drifts".
    static QString reasonText(const Verdict &verdict);

private:
    // What the frame is after the change: "frame 1: APPROVED, offset -3,1".
    static QString summary(int index, const DirectorFrameState &frame);
};
