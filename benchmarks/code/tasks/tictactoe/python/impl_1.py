def winner(board):
    lines = []
    lines.extend(board)
    lines.extend([[board[r][c] for r in range(3)] for c in range(3)])
    lines.append([board[i][i] for i in range(3)])
    lines.append([board[i][2 - i] for i in range(3)])
    for line in lines:
        if line[0] != " " and line.count(line[0]) == 3:
            return line[0]
    return None


if __name__ == "__main__":
    board = [
        ["X", "O", "X"],
        [" ", "X", "O"],
        ["O", " ", "X"],
    ]
    print(winner(board) or "no winner")
