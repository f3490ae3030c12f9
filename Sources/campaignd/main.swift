print("campaignd")
