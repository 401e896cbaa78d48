def tidy():
    return "tidied"
